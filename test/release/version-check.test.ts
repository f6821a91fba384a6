// The version rule as a table: semantic version order (against the SemVer 2.0.0 spec's own
// precedence example) and the decision for each published state.
import { describe, expect, it } from 'vitest';
import { checkVersion, compareVersions } from '../../release/version-check.ts';

describe('compareVersions', () => {
  // semver.org §11: 1.0.0-alpha < 1.0.0-alpha.1 < 1.0.0-alpha.beta < 1.0.0-beta < 1.0.0-beta.2 < 1.0.0-beta.11 < 1.0.0-rc.1 < 1.0.0
  const ordered = [
    '0.9.9',
    '1.0.0-alpha',
    '1.0.0-alpha.1',
    '1.0.0-alpha.beta',
    '1.0.0-beta',
    '1.0.0-beta.2',
    '1.0.0-beta.11',
    '1.0.0-rc.1',
    '1.0.0',
    '1.0.1',
    '1.2.0',
    '1.10.0',
    '2.0.0',
  ];
  it.each(ordered.slice(1).map((v, i) => [ordered[i], v]))('%s < %s', (lower, higher) => {
    expect(compareVersions(lower ?? '', higher)).toBe(-1);
    expect(compareVersions(higher, lower ?? '')).toBe(1);
  });
  it('ignores build metadata and a leading v', () => {
    expect(compareVersions('v1.2.3+build.5', '1.2.3')).toBe(0);
  });
});

const files = (content: string) =>
  new Map([
    ['c/Chart.yaml', Buffer.from('name: c\n')],
    ['c/values.yaml', Buffer.from(content)],
  ]);
const candidate = (version: string, content = 'a: 1\n') => ({ name: 'c', version, files: files(content) });

describe('checkVersion', () => {
  it.each([
    ['nothing published', candidate('0.1.0'), [], undefined],
    ['a higher version', candidate('0.2.0', 'a: 2\n'), [{ version: '0.1.0', files: files('a: 1\n') }], undefined],
    ['the same version, same content', candidate('0.1.0'), [{ version: '0.1.0', files: files('a: 1\n') }], 'release/version-exists'],
    ['the same version, changed content', candidate('0.1.0', 'a: 2\n'), [{ version: '0.1.0', files: files('a: 1\n') }], 'release/not-bumped'],
    ['the same version, package unreadable', candidate('0.1.0'), [{ version: '0.1.0' }], 'release/version-exists'],
    ['a version below the latest', candidate('0.1.5', 'a: 3\n'), [{ version: '0.1.0' }, { version: '0.2.0', files: files('a: 2\n') }], 'release/not-bumped'],
    ['a pre-release of a published version', candidate('0.2.0-rc.1', 'a: 3\n'), [{ version: '0.2.0' }], 'release/not-bumped'],
  ] as const)('%s', (_what, chart, published, code) => {
    expect(checkVersion(chart, published)?.code).toBe(code);
  });

  it('names the files that changed', () => {
    expect(checkVersion(candidate('0.1.0', 'a: 2\n'), [{ version: '0.1.0', files: files('a: 1\n') }])?.message).toContain('changed since 0.1.0: c/values.yaml');
  });
});
