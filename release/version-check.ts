// The publishing rule chart-testing's version check enforces, against what is already
// published: a version that exists is never replaced, and a chart whose content changed must
// carry a version above every published one. Pure: the caller reads the repository.
import { changedFiles } from './chart-archive.ts';

export interface PublishedVersion {
  readonly version: string;
  /** The published package's files, when it could be read. */
  readonly files?: ReadonlyMap<string, Buffer>;
}

export type VersionRefusal =
  | { readonly code: 'release/version-exists'; readonly message: string }
  | { readonly code: 'release/not-bumped'; readonly message: string };

/** Semantic version order (major.minor.patch, a pre-release sorts before its release). */
export function compareVersions(a: string, b: string): number {
  const parse = (v: string) => {
    const [core = '', pre] = v.replace(/^v/, '').split('+')[0]?.split(/-(.*)/s) ?? [];
    return { nums: core.split('.').map((n) => Number(n)), pre };
  };
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < 3; i++) {
    const d = (x.nums[i] ?? 0) - (y.nums[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  if (x.pre === y.pre) return 0;
  if (x.pre === undefined) return 1;
  if (y.pre === undefined) return -1;
  const xs = x.pre.split('.');
  const ys = y.pre.split('.');
  for (let i = 0; i < Math.max(xs.length, ys.length); i++) {
    const p = xs[i];
    const q = ys[i];
    if (p === undefined) return -1;
    if (q === undefined) return 1;
    const pn = /^\d+$/.test(p) ? Number(p) : undefined;
    const qn = /^\d+$/.test(q) ? Number(q) : undefined;
    if (pn !== undefined && qn !== undefined && pn !== qn) return Math.sign(pn - qn);
    if (pn === undefined || qn === undefined) {
      if (p !== q) return pn !== undefined ? -1 : qn !== undefined ? 1 : p < q ? -1 : 1;
    }
  }
  return 0;
}

export function checkVersion(
  candidate: { readonly name: string; readonly version: string; readonly files: ReadonlyMap<string, Buffer> },
  published: readonly PublishedVersion[],
): VersionRefusal | undefined {
  const latest = [...published].sort((a, b) => compareVersions(b.version, a.version))[0];
  const same = published.find((p) => compareVersions(p.version, candidate.version) === 0);
  const against = same ?? latest;
  const changed = against?.files ? changedFiles(against.files, candidate.files) : undefined;
  const what =
    changed === undefined
      ? ''
      : changed.length > 0
        ? ` (changed since ${against?.version}: ${changed.slice(0, 5).join(', ')}${changed.length > 5 ? ', …' : ''})`
        : ' (same content)';
  if (same && changed !== undefined && changed.length > 0) {
    return {
      code: 'release/not-bumped',
      message: `${candidate.name} ${candidate.version} is already published and the chart's content changed${what}: bump version in schema/chart.yaml, add its CHANGELOG.yaml entry and run \`npm run gen\``,
    };
  }
  if (same) {
    return {
      code: 'release/version-exists',
      message: `${candidate.name} ${candidate.version} is already published${what}; a published version is never replaced`,
    };
  }
  if (latest && compareVersions(candidate.version, latest.version) < 0) {
    return {
      code: 'release/not-bumped',
      message: `${candidate.name} ${candidate.version} is below the latest published version ${latest.version}${what}: a release must raise the version`,
    };
  }
  return undefined;
}
