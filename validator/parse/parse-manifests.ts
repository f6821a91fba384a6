// Stage 2, parse: a manifest stream (Helm's render, a file, stdin) into resources with
// their source. Bounded on hostile input: binary data is refused, the stream is cut into
// documents at `---` before parsing so memory follows the largest document, an oversized
// document is refused, and alias expansion is capped (core/yaml-source.ts).
import { parseYamlFile, type YamlDocumentSource } from '../../core/yaml-source.ts';
import type { Finding, Scenario } from '../finding.ts';
import { fastDocument } from './fast-document.ts';
import type { KubeObject, Resource } from './resource.ts';

export interface ManifestInput {
  /** A label for the stream: a path, `stdin`, or a render's name. */
  readonly file: string;
  readonly text: string;
}

export interface ParsedManifests {
  readonly resources: readonly Resource[];
  readonly findings: readonly Finding[];
}

/** Kinds that live outside namespaces (so no default namespace applies to them). */
export const CLUSTER_SCOPED_KINDS = new Set([
  'Namespace', 'Node', 'PersistentVolume', 'StorageClass', 'CSIDriver', 'CSINode', 'VolumeAttachment', 'ClusterRole',
  'ClusterRoleBinding', 'CustomResourceDefinition', 'PriorityClass', 'IngressClass', 'RuntimeClass', 'APIService',
  'MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration', 'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding', 'CertificateSigningRequest', 'FlowSchema', 'PriorityLevelConfiguration',
]);

export interface ParseOptions {
  /** The namespace of namespaced objects that name none (a render's --namespace). */
  readonly defaultNamespace?: string;
}

export const PARSE_LIMITS = {
  /** Largest single YAML document accepted. */
  maxDocumentBytes: 8 * 1024 * 1024,
};

const SOURCE = /(?:^|\n)\s*Source:\s*(\S+)/;

interface Chunk {
  readonly text: string;
  readonly startLine: number;
}

/** Cuts a stream at document markers (`---` or `...` at column 0), keeping line numbers. */
export function splitDocuments(text: string): Chunk[] {
  const chunks: Chunk[] = [];
  let start = 0; // offset of the current chunk
  let startLine = 1;
  let line = 1; // line number at `pos`
  let pos = 0;
  const push = (end: number) => {
    const body = text.slice(start, end);
    if (body.trim() !== '') chunks.push({ text: body, startLine });
  };
  while (pos < text.length) {
    const next = text.indexOf('\n', pos);
    const lineEnd = next === -1 ? text.length : next;
    if (pos > start || line > startLine) {
      const c0 = text.charCodeAt(pos);
      if ((c0 === 45 || c0 === 46) && /^(---|\.\.\.)(\s|$)/.test(text.slice(pos, Math.min(lineEnd, pos + 4)))) {
        push(pos > 0 ? pos - 1 : 0);
        if (c0 === 46) {
          start = next === -1 ? text.length : next + 1;
          startLine = line + 1;
        } else {
          start = pos;
          startLine = line;
        }
      }
    }
    if (next === -1) break;
    pos = next + 1;
    line += 1;
  }
  push(text.length);
  return chunks;
}

function finding(ruleId: string, message: string, file: string, position?: { line: number; column: number }, scenario?: Scenario): Finding {
  return { ruleId, severity: 'error', message, file, ...(position ? { position } : {}), ...(scenario ? { scenario } : {}) };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function toResource(value: Record<string, unknown>, file: string, document: YamlDocumentSource, pointerPrefix: string, options: ParseOptions): Resource {
  const object = value as KubeObject;
  const metadata = isObject(value.metadata) ? value.metadata : {};
  const namespace = typeof metadata.namespace === 'string' ? metadata.namespace : CLUSTER_SCOPED_KINDS.has(object.kind) ? undefined : options.defaultNamespace;
  return {
    object,
    ref: {
      apiVersion: object.apiVersion,
      kind: object.kind,
      name: typeof metadata.name === 'string' ? metadata.name : typeof metadata.generateName === 'string' ? `${metadata.generateName}*` : '',
      ...(namespace !== undefined ? { namespace } : {}),
    },
    file,
    document,
    pointerPrefix,
  };
}

/** Checks the signature (apiVersion and kind) kubeconform requires. */
function signatureProblem(value: Record<string, unknown>): string | undefined {
  if (typeof value.kind !== 'string' || value.kind === '') return "missing 'kind' key";
  if (typeof value.apiVersion !== 'string' || value.apiVersion === '') return "missing 'apiVersion' key";
  return undefined;
}

export function parseManifests(input: ManifestInput, scenario?: Scenario, options: ParseOptions = {}): ParsedManifests {
  const resources: Resource[] = [];
  const findings: Finding[] = [];
  const nul = input.text.indexOf('\u0000');
  if (nul >= 0) {
    const line = input.text.slice(0, nul).split('\n').length;
    findings.push(finding('parse/binary', 'the input holds binary data (a NUL byte), not YAML', input.file, { line, column: 1 }, scenario));
    return { resources, findings };
  }
  let index = 0;
  for (const chunk of splitDocuments(input.text)) {
    if (Buffer.byteLength(chunk.text) > PARSE_LIMITS.maxDocumentBytes) {
      findings.push(
        finding('parse/too-large', `a YAML document larger than ${PARSE_LIMITS.maxDocumentBytes / 1024 / 1024} MiB was refused`, input.file, { line: chunk.startLine, column: 1 }, scenario),
      );
      index += 1;
      continue;
    }
    const fast = fastDocument(input.file, chunk.text, chunk.startLine - 1, index);
    const parsed = fast ? { documents: [fast], diagnostics: [] } : parseYamlFile(input.file, chunk.text, { lineOffset: chunk.startLine - 1, indexOffset: index });
    index += Math.max(1, parsed.documents.length);
    for (const d of parsed.diagnostics) {
      findings.push({ ruleId: `parse/${d.code.replace(/^yaml\//, '')}`, severity: 'error', message: d.message, file: input.file, ...(d.position ? { position: d.position } : {}), ...(scenario ? { scenario } : {}) });
    }
    for (const document of parsed.documents) {
      const value = document.value;
      if (value === null || value === undefined) continue;
      const source = SOURCE.exec(document.comment ?? '')?.[1] ?? input.file;
      const position = () => document.positionOf('');
      if (!isObject(value)) {
        findings.push(finding('parse/not-an-object', `a document is a ${Array.isArray(value) ? 'list' : typeof value}, not a Kubernetes object`, source, position(), scenario));
        continue;
      }
      const problem = signatureProblem(value);
      if (problem) {
        findings.push(finding('parse/missing-signature', problem, source, position(), scenario));
        continue;
      }
      if (String(value.kind).toLowerCase() === 'list') {
        const items = Array.isArray(value.items) ? value.items : [];
        items.forEach((item, i) => {
          const itemPosition = document.positionOf(`/items/${i}`);
          if (!isObject(item)) {
            findings.push(finding('parse/not-an-object', `List item ${i} is not a Kubernetes object`, source, itemPosition, scenario));
            return;
          }
          const itemProblem = signatureProblem(item);
          if (itemProblem) findings.push(finding('parse/missing-signature', `List item ${i}: ${itemProblem}`, source, itemPosition, scenario));
          else resources.push(toResource(item, source, document, `/items/${i}`, options));
        });
        continue;
      }
      resources.push(toResource(value, source, document, '', options));
    }
  }
  return { resources, findings };
}
