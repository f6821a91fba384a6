// The chart archive reader against Helm's own packaging and GNU tar's reading of it.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chartContentDigest, readChartArchive } from '../../release/chart-archive.ts';
import { Helm } from '../../toolchain/helm.ts';
import { CHART } from '../helpers/scenarios.ts';

describe.each([3, 4] as const)('a chart packaged by Helm %i', (major) => {
  it('reads every file with the bytes tar extracts', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bvchart-archive-'));
    // A copy with a path past tar's 100-byte name field, which Go's tar writes with a PAX header.
    const chart = path.join(dir, 'boardviewer');
    fs.cpSync(CHART, chart, { recursive: true });
    const long = path.join('files', 'a'.repeat(60), `${'b'.repeat(120)}.txt`);
    fs.mkdirSync(path.dirname(path.join(chart, long)), { recursive: true });
    fs.writeFileSync(path.join(chart, long), 'long path\n');
    const r = await new Helm(major).exec(['package', chart, '--destination', dir]);
    expect(r.status, r.stderr).toBe(0);
    const archive = path.join(dir, fs.readdirSync(dir).find((f) => f.endsWith('.tgz')) ?? '');
    const files = readChartArchive(fs.readFileSync(archive));
    const extracted = path.join(dir, 'x');
    fs.mkdirSync(extracted);
    execFileSync('tar', ['-xzf', archive, '-C', extracted]);
    const listed = execFileSync('tar', ['-tzf', archive], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .filter((f) => !f.endsWith('/'))
      .sort();
    expect([...files.keys()].sort()).toEqual(listed);
    for (const name of listed) expect(files.get(name)?.equals(fs.readFileSync(path.join(extracted, name))), name).toBe(true);
    expect(files.get(`boardviewer/${long}`)?.toString()).toBe('long path\n');
    // Packaging twice gives other archive bytes (times) but the same content digest.
    const again = fs.mkdtempSync(path.join(os.tmpdir(), 'bvchart-archive-'));
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await new Helm(major).exec(['package', chart, '--destination', again]);
    expect(chartContentDigest(readChartArchive(fs.readFileSync(path.join(again, path.basename(archive)))))).toBe(chartContentDigest(files));
  });
});
