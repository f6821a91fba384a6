// The validator's config file (YAML): rules to disable and per-object suppressions, each
// with a reason. Read with positions, so mistakes point at their line.
import fs from 'node:fs';
import { createAjv, describeAjvError } from '../core/ajv.ts';
import { DiagnosticError, type Diagnostic } from '../core/diagnostic.ts';
import { parseSingleYamlDocument } from '../core/yaml-source.ts';
import { RULE_SET_NAMES, type RuleSetName } from './policy/rule-sets.ts';
import type { ConfigSuppression } from './policy/suppression.ts';

export interface ValidatorConfig {
  /** Rule sets to run (schema, hardening, boardviewer); absent: the chart's or the defaults. */
  readonly rules?: readonly RuleSetName[];
  readonly disabledRules: readonly string[];
  readonly suppressions: readonly ConfigSuppression[];
}

export const EMPTY_CONFIG: ValidatorConfig = { disabledRules: [], suppressions: [] };

const CONFIG_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    rules: { type: 'array', items: { enum: [...RULE_SET_NAMES] } },
    disabledRules: { type: 'array', items: { type: 'string', minLength: 1 } },
    suppressions: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['rule', 'reason'],
        properties: {
          rule: { type: 'string', minLength: 1 },
          kind: { type: 'string' },
          name: { type: 'string' },
          namespace: { type: 'string' },
          reason: { type: 'string', minLength: 1, pattern: '\\S' },
        },
      },
    },
  },
};

export function parseConfig(file: string, text: string): ValidatorConfig {
  const parsed = parseSingleYamlDocument(file, text);
  if (!parsed.document) {
    if (parsed.diagnostics.every((d) => d.code === 'yaml/empty')) return EMPTY_CONFIG;
    throw new DiagnosticError(parsed.diagnostics);
  }
  const ajv = createAjv();
  const validate = ajv.compile(CONFIG_SCHEMA);
  if (!validate(parsed.document.value)) {
    const doc = parsed.document;
    const diagnostics: Diagnostic[] = (validate.errors ?? []).map((e) => ({
      code: 'config/invalid',
      severity: 'error',
      file,
      pointer: e.instancePath,
      position: doc.positionOf(e.instancePath),
      message: describeAjvError(e),
    }));
    throw new DiagnosticError(diagnostics);
  }
  const value = parsed.document.value as Partial<ValidatorConfig>;
  return { ...(value.rules ? { rules: value.rules } : {}), disabledRules: value.disabledRules ?? [], suppressions: value.suppressions ?? [] };
}

export function readConfig(file: string): ValidatorConfig {
  return parseConfig(file, fs.readFileSync(file, 'utf8'));
}
