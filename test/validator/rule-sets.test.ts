// Rule sets: every policy rule belongs to exactly one set; the sets a run uses come from
// --rules, the config file, the chart's Chart.yaml annotation, or the defaults.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../validator/config.ts';
import { chartRuleSets, parseRuleSets, RuleSetError } from '../../validator/policy/rule-set-names.ts';
import { ruleSetOf, rulesOf } from '../../validator/policy/rule-sets.ts';
import { POLICY_RULES } from '../../validator/policy/rules/index.ts';
import { REPO } from '../helpers/project.ts';

function chart(annotations?: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bvchart-sets-'));
  fs.writeFileSync(path.join(dir, 'Chart.yaml'), `apiVersion: v2\nname: x\nversion: 0.1.0\n${annotations ?? ''}`);
  return dir;
}

describe('rule sets', () => {
  it('split the rules: hardening is generic, boardviewer is our chart, schema has no policy rules', () => {
    expect(rulesOf(['schema'])).toEqual([]);
    expect(rulesOf(['hardening']).map((r) => r.id)).toEqual(expect.arrayContaining(['resources-set', 'run-as-non-root', 'no-host-path', 'spread-nodes-zones']));
    expect(rulesOf(['boardviewer']).map((r) => r.id)).toEqual(expect.arrayContaining(['storage-class-retain', 'probe-failure-threshold']));
    expect(rulesOf(['hardening', 'boardviewer'])).toHaveLength(POLICY_RULES.length);
    for (const rule of POLICY_RULES) expect(['hardening', 'boardviewer']).toContain(ruleSetOf(rule));
  });

  it('come from a chart annotation; our chart names all of them', () => {
    expect(chartRuleSets(path.join(REPO, 'chart'))).toEqual(['schema', 'hardening', 'boardviewer']);
    expect(chartRuleSets(chart('annotations:\n  bvchart.dev/rules: schema\n'))).toEqual(['schema']);
    expect(chartRuleSets(chart())).toBeUndefined();
    expect(() => chartRuleSets(chart('annotations:\n  bvchart.dev/rules: schema,strictest\n'))).toThrow(/unknown rule set "strictest"/);
  });

  it('come from --rules and the config file', () => {
    expect(parseRuleSets(['schema,hardening', 'hardening'], '--rules')).toEqual(['schema', 'hardening']);
    expect(() => parseRuleSets(['nope'], '--rules')).toThrow(RuleSetError);
    expect(parseConfig('c.yaml', 'rules: [schema, hardening]\n').rules).toEqual(['schema', 'hardening']);
    expect(() => parseConfig('c.yaml', 'rules: [everything]\n')).toThrow();
  });
});
