// bvchart release against real Helm 3 and 4: a signed package, its provenance and a merged
// index in a repository folder served over loopback HTTP, pulled back with `helm pull
// --verify` by both majors; and every refusal (existing version, changed chart without a
// version bump, a version below the latest, the wrong key) leaves the repository untouched.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { Helm } from '../../toolchain/helm.ts';
import { runCli, treeDigest } from '../helpers/project.ts';
import { bumpVersion, changeChart, releaseProject } from '../helpers/release-project.ts';
import { createSigningKey, type TestSigningKey } from '../helpers/signing-key.ts';

let key: TestSigningKey;
let root: string;
let repo: string;
let server: http.Server;
let repoUrl: string;

beforeAll(async () => {
  key = createSigningKey();
  Object.assign(process.env, key.env);
  root = await releaseProject(key.fingerprint);
  repo = fs.mkdtempSync(path.join(os.tmpdir(), 'bvchart-repo-'));
  server = http.createServer((req, res) => {
    const file = path.join(repo, path.basename(req.url ?? '/'));
    if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) return void res.writeHead(404).end();
    res.writeHead(200).end(fs.readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  repoUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 120_000);

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
});

const release = (...extra: string[]) => runCli(['release', '--root', root, '--repo', repo, '--url', repoUrl, ...extra], root);
const indexVersions = () =>
  (parse(fs.readFileSync(path.join(repo, 'index.yaml'), 'utf8')) as { entries: { boardviewer: { version: string }[] } }).entries.boardviewer
    .map((e) => e.version)
    .sort();

describe.sequential('bvchart release into a repository folder', () => {
  it('publishes a signed package, its provenance and the index', async () => {
    const run = await release();
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`boardviewer 0.1.0 signed with ${key.fingerprint}`);
    expect(fs.readdirSync(repo).sort()).toEqual(['boardviewer-0.1.0.tgz', 'boardviewer-0.1.0.tgz.prov', 'index.yaml']);
    expect(indexVersions()).toEqual(['0.1.0']);
  });

  it.each([3, 4] as const)('Helm %i pulls it from the HTTP repository with --verify', async (major) => {
    const dest = fs.mkdtempSync(path.join(os.tmpdir(), 'bvchart-pull-'));
    const r = await new Helm(major).exec([
      'pull',
      'boardviewer',
      '--repo',
      repoUrl,
      '--version',
      '0.1.0',
      '--verify',
      '--keyring',
      key.keyring,
      '--destination',
      dest,
    ]);
    expect(r.stderr + r.stdout).not.toMatch(/Error/);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`Using Key With Fingerprint: ${key.fingerprint}`);
    expect(fs.readdirSync(dest).sort()).toEqual(['boardviewer-0.1.0.tgz', 'boardviewer-0.1.0.tgz.prov']);
  });

  it('refuses the same version again, even unchanged', async () => {
    const before = treeDigest(repo);
    const run = await release();
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('[release/version-exists] boardviewer 0.1.0 is already published (same content)');
    expect(treeDigest(repo)).toEqual(before);
  });

  it('refuses a changed chart without a version bump, naming what changed', async () => {
    await changeChart(root, '7.4.3');
    const before = treeDigest(repo);
    const run = await release();
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      "[release/not-bumped] boardviewer 0.1.0 is already published and the chart's content changed (changed since 0.1.0: boardviewer/Chart.yaml, boardviewer/README.md, boardviewer/values.schema.json, boardviewer/values.yaml)",
    );
    expect(treeDigest(repo)).toEqual(before);
  });

  it('publishes the bumped version and merges the index', async () => {
    await bumpVersion(root, '0.2.0');
    const run = await release();
    expect(run.code).toBe(0);
    expect(indexVersions()).toEqual(['0.1.0', '0.2.0']);
    const index = parse(fs.readFileSync(path.join(repo, 'index.yaml'), 'utf8')) as {
      entries: { boardviewer: { version: string; urls: string[]; annotations: Record<string, string> }[] };
    };
    const entry = index.entries.boardviewer.find((e) => e.version === '0.2.0');
    expect(entry?.urls).toEqual([`${repoUrl}/boardviewer-0.2.0.tgz`]);
    expect(entry?.annotations['artifacthub.io/images']).toContain('docker.io/library/redis:7.4.3');
    expect(entry?.annotations['artifacthub.io/changes']).toContain('Test release 0.2.0.');
  });

  it('refuses a version below the latest published one', async () => {
    await bumpVersion(root, '0.1.5');
    const run = await release();
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('[release/not-bumped] boardviewer 0.1.5 is below the latest published version 0.2.0');
  });

  it('refuses a key other than the one the chart declares', async () => {
    const other = createSigningKey();
    Object.assign(process.env, other.env);
    try {
      const run = await release();
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`[release/wrong-key] the chart was signed with key ${other.fingerprint}, but Chart.yaml declares ${key.fingerprint}`);
    } finally {
      Object.assign(process.env, key.env);
    }
  });

  it('from a repository URL: reads the published index and writes the package and merged index to --out', async () => {
    await bumpVersion(root, '0.3.0');
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'bvchart-out-'));
    const run = await runCli(['release', '--root', root, '--repo', repoUrl, '--out', out], root);
    expect(run.code).toBe(0);
    expect(fs.readdirSync(out).sort()).toEqual(['boardviewer-0.3.0.tgz', 'boardviewer-0.3.0.tgz.prov', 'index.yaml']);
    const index = parse(fs.readFileSync(path.join(out, 'index.yaml'), 'utf8')) as { entries: { boardviewer: { version: string; urls: string[] }[] } };
    expect(index.entries.boardviewer.map((e) => `${e.version} ${e.urls[0]}`).sort()).toEqual(
      ['0.1.0', '0.2.0', '0.3.0'].map((v) => `${v} ${repoUrl}/boardviewer-${v}.tgz`),
    );
  });

  it('without a signing key in the environment it is a usage error', async () => {
    const saved = process.env.BVCHART_SIGN_KEY;
    delete process.env.BVCHART_SIGN_KEY;
    try {
      const run = await release();
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('BVCHART_SIGN_KEY is not set');
    } finally {
      process.env.BVCHART_SIGN_KEY = saved;
    }
  });
});
