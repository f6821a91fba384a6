import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyPathOf, keyPathSegments, ValuesOrigins } from '../../../validator/locate/values-origin.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bv-origin-'));
fs.mkdirSync(path.join(dir, 'chart'));
fs.writeFileSync(path.join(dir, 'chart', 'values.yaml'), 'storageClass:\n  reclaimPolicy: Retain\n  create: true\ningress:\n  hosts:\n    - host: a.example\n');
fs.writeFileSync(path.join(dir, 'one.yaml'), '# override\nstorageClass:\n  reclaimPolicy: Delete\n');
fs.writeFileSync(path.join(dir, 'two.yaml'), 'ingress:\n  hosts:\n    - host: b.example\n      paths: []\nstorageClass:\n  create: null\n');

describe('ValuesOrigins: the last -f file that sets a key, else the chart default', () => {
  const origins = ValuesOrigins.forRender(path.join(dir, 'chart'), [path.join(dir, 'one.yaml'), path.join(dir, 'two.yaml')]);
  it.each([
    ['storageClass.reclaimPolicy', 'one.yaml', 3, 3],
    ['storageClass.create', 'two.yaml', 6, 3],
    ['ingress.hosts[0].host', 'two.yaml', 3, 7],
    ['ingress', 'two.yaml', 1, 1],
    ['storageClass', 'two.yaml', 5, 1],
  ])('%s is set in %s:%i:%i', (key, file, line, column) => {
    expect(origins.originOf(key)).toEqual({ file: path.join(dir, file), line, column, path: key });
  });
  it('a key only the chart sets points at its values.yaml', () => {
    const only = ValuesOrigins.forRender(path.join(dir, 'chart'), []);
    expect(only.originOf('/storageClass/reclaimPolicy')).toEqual({
      file: path.join(dir, 'chart', 'values.yaml'),
      line: 2,
      column: 3,
      path: 'storageClass.reclaimPolicy',
    });
  });
  it('a key no file sets has no origin', () => {
    expect(origins.originOf('storageClass.parameters')).toBeUndefined();
  });
});

describe('key paths', () => {
  it.each([
    [['image', 'tag'], 'image.tag'],
    [['ingress', 'hosts', 0, 'host'], 'ingress.hosts[0].host'],
    [['podAnnotations', 'prometheus.io/scrape'], 'podAnnotations["prometheus.io/scrape"]'],
  ] as const)('%j ↔ %s', (segments, key) => {
    expect(keyPathOf(segments)).toBe(key);
    expect(keyPathSegments(key)).toEqual(segments);
  });
});
