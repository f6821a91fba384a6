// Stage 3, schema check: each resource against its Kubernetes or CRD JSON schema, in
// process. Verdicts use kubeconform's vocabulary (valid, invalid, error, skipped).
import type { ErrorObject } from 'ajv';
import { describeAjvError } from '../../core/ajv.ts';
import type { Finding, Scenario } from '../finding.ts';
import type { Resource } from '../parse/resource.ts';
import type { SchemaRegistry } from './schema-registry.ts';

export type SchemaStatus = 'valid' | 'invalid' | 'error' | 'skipped';

export interface SchemaVerdict {
  readonly resource: Resource;
  readonly status: SchemaStatus;
  readonly errors: readonly { readonly pointer: string; readonly message: string }[];
  readonly reason?: string;
  /** The error is a parse finding already reported (resource.refused): no schema finding repeats it. */
  readonly reportedByParse?: boolean;
}

function toError(resource: Resource, error: ErrorObject): { pointer: string; message: string } {
  const params = error.params as Record<string, unknown>;
  const extra = error.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string' ? `/${params.additionalProperty}` : '';
  const pointer = `${resource.pointerPrefix}${error.instancePath}${extra}`;
  const message = extra ? `unknown field "${String(params.additionalProperty)}"` : describeAjvError(error);
  return { pointer, message };
}

export async function checkResource(registry: SchemaRegistry, resource: Resource, ignoreMissingSchemas: boolean): Promise<SchemaVerdict> {
  if (resource.refused !== undefined) return { resource, status: 'error', errors: [], reason: resource.refused, reportedByParse: true };
  const lookup = await registry.lookup(resource.ref.kind, resource.ref.apiVersion);
  if (lookup.kind === 'missing') {
    return ignoreMissingSchemas
      ? { resource, status: 'skipped', errors: [] }
      : {
          resource,
          status: 'error',
          errors: [],
          reason: `could not find schema for ${resource.ref.kind} (${resource.ref.apiVersion}); tried ${lookup.tried.join(', ')}`,
        };
  }
  if (lookup.kind === 'broken') return { resource, status: 'error', errors: [], reason: `${lookup.location}: ${lookup.reason}` };
  if (lookup.validate(resource.object)) return { resource, status: 'valid', errors: [] };
  const seen = new Set<string>();
  const errors = (lookup.validate.errors ?? [])
    .filter((e) => !['anyOf', 'oneOf', 'if'].includes(e.keyword))
    .map((e) => toError(resource, e))
    .filter((e) => {
      const key = `${e.pointer} ${e.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  return { resource, status: 'invalid', errors };
}

export function verdictFindings(verdict: SchemaVerdict, scenario?: Scenario): Finding[] {
  const { resource } = verdict;
  const base = { file: resource.file, resource: resource.ref, ...(scenario ? { scenario } : {}) };
  if (verdict.reportedByParse) return [];
  if (verdict.status === 'error') {
    return [
      {
        ...base,
        ruleId: 'schema/error',
        severity: 'error',
        message: verdict.reason ?? 'schema error',
        position: resource.document.positionOf(resource.pointerPrefix),
      },
    ];
  }
  return verdict.errors.map((e) => ({
    ...base,
    ruleId: 'schema/invalid',
    severity: 'error' as const,
    message: `${e.pointer.slice(resource.pointerPrefix.length) || '(object)'}: ${e.message}`,
    pointer: e.pointer.slice(resource.pointerPrefix.length),
    position: resource.document.positionOf(e.pointer) ?? resource.document.positionOf(resource.pointerPrefix),
  }));
}
