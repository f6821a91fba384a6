// Stage 2, validate: the values schema must be valid draft-07 JSON Schema (Ajv's
// meta-schema) and follow the authoring rules; the chart metadata must be complete.
// Pure: returns diagnostics with JSON Pointers and source positions.
import { createAjv, describeAjvError, type ErrorObject } from '../../core/ajv.ts';
import type { Diagnostic } from '../../core/diagnostic.ts';
import type { YamlDocumentSource } from '../../core/yaml-source.ts';
import { type CarriedDefinitions, carryDefinitions } from '../kubernetes/carry-definitions.ts';
import type { LoadedSources } from '../load/load-sources.ts';
import { type SchemaObject, walkSchema } from '../schema/schema-node.ts';
import { CHANGELOG_SCHEMA, type ChangelogEntry } from './changelog.ts';
import { CHART_META_SCHEMA, type ChartMetadata } from './chart-meta.ts';
import { SCHEMA_RULES, type SchemaRule } from './rules/index.ts';
import type { RuleContext } from './rules/rule.ts';

export interface ValidatedSources {
  readonly schema: SchemaObject;
  readonly chartMeta: ChartMetadata;
  readonly changelog: readonly ChangelogEntry[];
  readonly schemaFile: string;
  /** The Kubernetes definitions the schema refers to, carried into the published schema. */
  readonly carried: CarriedDefinitions;
}

export interface ValidateResult {
  readonly validated?: ValidatedSources;
  readonly diagnostics: readonly Diagnostic[];
}

function ajvDiagnostics(code: string, source: YamlDocumentSource, errors: readonly ErrorObject[]): Diagnostic[] {
  // Group by location: anyOf failures produce one error per branch at the same pointer.
  const byPointer = new Map<string, string[]>();
  for (const error of errors) {
    if (error.keyword === 'anyOf' || error.keyword === 'oneOf') continue;
    const list = byPointer.get(error.instancePath) ?? [];
    const text = describeAjvError(error);
    if (!list.includes(text)) list.push(text);
    byPointer.set(error.instancePath, list);
  }
  return [...byPointer].map(([pointer, reasons]) => ({
    code,
    severity: 'error' as const,
    file: source.file,
    pointer,
    position: source.positionOf(pointer),
    message: reasons.join(', or '),
  }));
}

/** The version being generated has its entry in the changelog (its release notes). */
function changelogCoversVersion(sources: LoadedSources): Diagnostic[] {
  const { version } = sources.chartMeta.value as ChartMetadata;
  const entries = sources.changelog.value as ChangelogEntry[];
  if (entries.some((e) => e.version === version)) return [];
  return [
    {
      code: 'chart/changelog',
      severity: 'error',
      file: sources.chartMeta.file,
      pointer: '/version',
      position: sources.chartMeta.positionOf('/version'),
      message: `version ${version} has no entry in ${sources.changelog.file}: add its changes there (they become artifacthub.io/changes)`,
    },
  ];
}

function ruleContext(definitions: Readonly<Record<string, SchemaObject>>): RuleContext {
  const ajv = createAjv();
  return {
    checkValue: (schema, value) => {
      try {
        // A subschema's `$ref`s to definitions resolve against its own root.
        const withDefinitions = { ...(schema as object), definitions };
        const validate = ajv.compile(withDefinitions);
        if (validate(value)) return undefined;
        return (validate.errors ?? []).map((e) => `${e.instancePath || 'value'} ${describeAjvError(e)}`).join('; ');
      } catch (error) {
        return `the schema does not compile: ${(error as Error).message}`;
      }
    },
  };
}

function runRules(source: YamlDocumentSource, rules: readonly SchemaRule[], definitions: Readonly<Record<string, SchemaObject>>): Diagnostic[] {
  const context = ruleContext(definitions);
  const out: Diagnostic[] = [];
  for (const visit of walkSchema(source.value)) {
    for (const rule of rules) {
      if (!rule.roles.includes(visit.role)) continue;
      const result = rule.check(visit, context);
      const violations = result === undefined ? [] : Array.isArray(result) ? result : [result];
      for (const v of violations as { message: string; pointer?: string }[]) {
        const pointer = v.pointer ?? visit.pointer;
        out.push({
          code: `schema/${rule.id}`,
          severity: 'error',
          file: source.file,
          pointer,
          position: source.positionOf(pointer),
          message: v.message,
        });
      }
    }
  }
  return out;
}

export function validateSources(sources: LoadedSources, rules: readonly SchemaRule[] = SCHEMA_RULES): ValidateResult {
  const diagnostics: Diagnostic[] = [];
  const ajv = createAjv();

  const chartOk = ajv.validate(CHART_META_SCHEMA, sources.chartMeta.value);
  if (!chartOk) diagnostics.push(...ajvDiagnostics('chart/metadata', sources.chartMeta, ajv.errors ?? []));
  const changelogOk = ajv.validate(CHANGELOG_SCHEMA, sources.changelog.value);
  if (!changelogOk) diagnostics.push(...ajvDiagnostics('chart/changelog', sources.changelog, ajv.errors ?? []));
  if (chartOk && changelogOk) diagnostics.push(...changelogCoversVersion(sources));

  const schema = sources.schema.value;
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
    diagnostics.push({
      code: 'schema/meta',
      severity: 'error',
      file: sources.schema.file,
      pointer: '',
      position: sources.schema.positionOf(''),
      message: 'the values schema must be a JSON Schema object',
    });
    return { diagnostics };
  }
  const metaOk = ajv.validateSchema(schema);
  if (!metaOk) {
    // Not JSON Schema at all: rule checks would only add noise.
    diagnostics.push(...ajvDiagnostics('schema/meta', sources.schema, ajv.errors ?? []));
    return { diagnostics };
  }
  const carry = carryDefinitions(schema as SchemaObject, sources.schema.file, sources.definitions);
  diagnostics.push(
    ...carry.diagnostics.map((d) => (d.file === sources.schema.file && d.pointer !== undefined ? { ...d, position: sources.schema.positionOf(d.pointer) } : d)),
  );
  if (!carry.carried) return { diagnostics };
  const own = (schema as SchemaObject).definitions;
  const definitions = { ...carry.carried.definitions, ...(typeof own === 'object' && own !== null ? (own as Record<string, SchemaObject>) : {}) };
  diagnostics.push(...runRules(sources.schema, rules, definitions));
  if (diagnostics.length > 0) return { diagnostics };
  return {
    validated: {
      schema: schema as SchemaObject,
      chartMeta: sources.chartMeta.value as ChartMetadata,
      changelog: sources.changelog.value as ChangelogEntry[],
      schemaFile: sources.schema.file,
      carried: carry.carried,
    },
    diagnostics,
  };
}
