// A file is written whole or not at all: text and bytes land exactly, a failed write leaves
// neither a half-written target nor a temporary file, and a reader of the folder never sees
// the temporary under the target's name.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { commitStaged, discardStaged, stageFile, writeFileAtomically } from '../../core/write-file-atomically.ts';

const folder = () => fs.mkdtempSync(path.join(os.tmpdir(), 'bvchart-atomic-'));

it.each([
  ['text', 'a: 1\n'],
  ['bytes', Buffer.from([0x1f, 0x8b, 0x00, 0xff, 0x0a])],
])('writes %s exactly, creating the folder', (_kind, content) => {
  const dir = folder();
  const file = path.join(dir, 'sub', 'out');
  writeFileAtomically(file, content);
  expect(fs.readFileSync(file)).toEqual(Buffer.from(content));
  expect(fs.readdirSync(path.join(dir, 'sub'))).toEqual(['out']);
});

it('replaces a file only on commit; a discarded stage leaves the old content and no temporary file', () => {
  const dir = folder();
  const file = path.join(dir, 'index.yaml');
  fs.writeFileSync(file, 'old\n');
  const staged = stageFile(file, 'new\n');
  expect(fs.readFileSync(file, 'utf8')).toBe('old\n');
  expect(path.basename(staged.temp)).toMatch(/^\.index\.yaml\.bvchart-tmp-\d+-[0-9a-f]{8}\.tmp$/);
  discardStaged(staged);
  expect(fs.readdirSync(dir)).toEqual(['index.yaml']);
  commitStaged(stageFile(file, 'new\n'));
  expect(fs.readFileSync(file, 'utf8')).toBe('new\n');
  expect(fs.readdirSync(dir)).toEqual(['index.yaml']);
});

it('a target that cannot be replaced (a folder): throws and leaves no temporary file', () => {
  const dir = folder();
  fs.mkdirSync(path.join(dir, 'taken'));
  expect(() => writeFileAtomically(path.join(dir, 'taken'), 'x')).toThrow(/EISDIR|ENOTEMPTY|EEXIST|EPERM/);
  expect(fs.readdirSync(dir)).toEqual(['taken']);
});
