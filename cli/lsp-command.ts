// `bvchart lsp`: the language server over stdio (editor/language-server.ts). Settings come
// from the client's initializationOptions, not from flags.
import { runLanguageServer } from '../editor/language-server.ts';
import { type CliIO, UsageError } from './cli-io.ts';

export const LSP_USAGE = `usage: bvchart lsp [--stdio]

A language server (LSP over stdio, diagnostics only) that editors run beside
yaml-language-server: each values file you open is validated against its chart (one
Kubernetes version, one Helm major) and findings appear at the key that causes them.

initializationOptions (all optional):
  chart               the chart folder (default: the chart the file's yaml-language-server modeline
                      points into, else the nearest folder with a Chart.yaml, or a chart/ folder,
                      among the file's ancestors up to the workspace root)
  kubernetesVersion   default: the newest supported
  helm                3 or 4 (default: 4)
  schemaLocations     Kubernetes schema folders or URL templates (default: kubeconform's catalogue)
  apiVersions         extra API versions the render declares (e.g. monitoring.coreos.com/v1)
  config              a bvchart config file (rule sets, disabled rules, suppressions)
  debounceMs          quiet time after an edit before validating (default: 400)
`;

export async function lspCommand(args: string[], _io: CliIO): Promise<number> {
  const unknown = args.filter((a) => a !== '--stdio');
  if (unknown.length > 0) throw new UsageError(`unexpected argument ${unknown[0]}: bvchart lsp speaks over stdio only`);
  const code = await runLanguageServer({ input: process.stdin, output: process.stdout, log: (t) => process.stderr.write(t) });
  // The client may keep its end of stdin open after `exit`: let go of it so the process ends.
  process.stdin.destroy();
  return code;
}
