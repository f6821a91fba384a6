// RE2 patterns in CRD schemas compile and match as Go's regexp (RE2) matches them: escapes
// JavaScript lacks are translated (validator/schemas/re2-to-js.ts) before Ajv compiles them.
import { describe, expect, it } from 'vitest';
import { createKubeAjv } from '../../validator/schemas/kube-ajv.ts';
import { translateRe2 } from '../../validator/schemas/re2-to-js.ts';

describe('RE2 patterns', () => {
  it.each([
    // pattern, matching strings, non-matching strings (RE2 semantics, https://github.com/google/re2/wiki/Syntax)
    ['^[a-z0-9\\_]+$', ['a_b', 'x1'], ['a-b', 'A']],
    ['^foo\\_bar$', ['foo_bar'], ['foobar']],
    ['\\Afoo\\z', ['foo'], ['foo\n', 'xfoo']],
    ['^\\Q1.5+\\E$', ['1.5+'], ['105+', '1.55']],
    ['^(?i)(abort|warn)?$', ['ABORT', 'warn', ''], ['fail']],
    ['^(?P<major>[0-9]+)\\.[0-9]+$', ['1.2'], ['a.b']],
    ['^[[:alpha:]][[:alnum:]\\-]*$', ['a-1', 'Zz'], ['1a', 'a_b']],
    ['^\\pL+$', ['abcÉ'], ['a1']],
    ['^a\\:b\\@c\\#d$', ['a:b@c#d'], ['abcd']],
    ['^[\\-+]?[0-9]+$', ['-1', '+2', '3'], ['--1']],
  ])('%s', (pattern, good, bad) => {
    const ajv = createKubeAjv();
    const validate = ajv.compile({ type: 'string', pattern });
    for (const s of good) expect(validate(s), `${s} should match ${translateRe2(pattern).source}`).toBe(true);
    for (const s of bad) expect(validate(s), `${s} should not match ${translateRe2(pattern).source}`).toBe(false);
  });

  it('without the translation, \\_ does not compile in JavaScript (the defect)', () => {
    // biome-ignore lint/complexity/useRegexLiterals: the pattern must reach the RegExp constructor as text (a literal with \_ and u does not parse).
    expect(() => new RegExp('^[a-z\\_]+$', 'u')).toThrow();
    expect(() => new RegExp(translateRe2('^[a-z\\_]+$').source, 'u')).not.toThrow();
  });
});
