// The validator's config file (YAML): rules to disable and per-object suppressions, each
// with a reason. Read with positions, so mistakes point at their line.
import fs from 'node:fs';
import { createAjv, describeAjvError } from '../core/ajv.ts';
import { type Diagnostic, DiagnosticError } from '../core/diagnostic.ts';
import { parseSingleYamlDocument } from '../core/yaml-source.ts';
import { DEFAULT_FLOW_OPTIONS, type FlowOptions } from './flows/flow-options.ts';
import { RULE_SET_NAMES, type RuleSetName } from './policy/rule-set-names.ts';
import type { ConfigSuppression } from './policy/suppression.ts';

export interface ValidatorConfig {
  /** Rule sets to run (schema, hardening, boardviewer); absent: the chart's or the defaults. */
  readonly rules?: readonly RuleSetName[];
  readonly disabledRules: readonly string[];
  readonly suppressions: readonly ConfigSuppression[];
  /** The flow stage's cluster context; absent: DEFAULT_FLOW_OPTIONS. */
  readonly flows?: FlowOptions;
}

const LABELS_SCHEMA = { type: 'object', additionalProperties: { type: 'string' } };
const PEER_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: { namespace: { type: 'string', minLength: 1 }, podLabels: LABELS_SCHEMA },
};

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
    flows: {
      type: 'object',
      additionalProperties: false,
      properties: {
        ingressController: PEER_SCHEMA,
        monitoring: PEER_SCHEMA,
        dns: PEER_SCHEMA,
        namespaceLabels: { type: 'object', additionalProperties: LABELS_SCHEMA },
        clusterDomain: { type: 'string', minLength: 1 },
        declared: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['from', 'to', 'port'],
            properties: {
              from: { type: 'string', pattern: '^[A-Za-z]+/[a-z0-9.-]+$' },
              to: { type: 'string', minLength: 1 },
              port: { type: 'integer', minimum: 1, maximum: 65535 },
              protocol: { enum: ['TCP', 'UDP', 'SCTP'] },
            },
          },
        },
      },
    },
  },
};

type FlowsSection = { [K in keyof FlowOptions]?: K extends 'ingressController' | 'monitoring' | 'dns' ? Partial<FlowOptions[K]> : FlowOptions[K] };

/** The config file's flows section over the defaults. */
export function flowOptionsFrom(section: FlowsSection | undefined, base: FlowOptions = DEFAULT_FLOW_OPTIONS): FlowOptions {
  if (!section) return base;
  return {
    ingressController: { ...base.ingressController, ...section.ingressController },
    monitoring: { ...base.monitoring, ...section.monitoring },
    dns: { ...base.dns, ...section.dns },
    namespaceLabels: { ...base.namespaceLabels, ...section.namespaceLabels },
    clusterDomain: section.clusterDomain ?? base.clusterDomain,
    declared: [...base.declared, ...(section.declared ?? []).map((d) => ({ ...d, protocol: d.protocol ?? 'TCP' }))],
  };
}

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
  const value = parsed.document.value as Partial<Omit<ValidatorConfig, 'flows'>> & { flows?: FlowsSection };
  return {
    ...(value.rules ? { rules: value.rules } : {}),
    disabledRules: value.disabledRules ?? [],
    suppressions: value.suppressions ?? [],
    ...(value.flows ? { flows: flowOptionsFrom(value.flows) } : {}),
  };
}

export function readConfig(file: string): ValidatorConfig {
  return parseConfig(file, fs.readFileSync(file, 'utf8'));
}
