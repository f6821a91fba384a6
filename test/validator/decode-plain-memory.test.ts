// The plain decoder's caches of resolved scalars must not keep the files they were read from:
// V8 makes a substring of 13 characters or more a slice of its file's text, so a cache keyed by
// such a substring held every file of a run (10 MB of our renders at the end of a validate).
// The judge is V8's heap after a full collection, in a child process run with --expose-gc.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';
import { REPO } from '../helpers/project.ts';

it('decoding 40 files of 1 MB keeps none of them once their values are dropped', () => {
  const script = [
    `const { decodePlain } = await import(${JSON.stringify(path.join(REPO, 'validator', 'parse', 'decode-plain.ts'))});`,
    'for (let i = 0; i < 40; i++) {',
    // `version` starts with a digit (go-yaml may resolve it: the decoder caches its answer) and is
    // long enough to be a slice; `notes` makes the file 1 MB.
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the child process's source, where this is a template literal
    "  const text = `version: 1.0.${i}-build-abcdefghijkl\\nkind: ConfigMap\\nnotes: ${'n'.repeat(1 << 20)}${i}\\n`;",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the child process's source, where this is a template literal
    "  if (decodePlain(text)?.value?.version !== `1.0.${i}-build-abcdefghijkl`) throw new Error('not decoded by the plain reader');",
    '}',
    'globalThis.gc();',
    'process.stdout.write(String(process.memoryUsage().heapUsed));',
  ].join('\n');
  const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', '--input-type=module', '-e', script], { cwd: REPO, encoding: 'utf8' });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  // 40 MB of texts if they were kept; a few MB of modules if not.
  expect(Number(run.stdout) / 1024 / 1024).toBeLessThan(20);
});
