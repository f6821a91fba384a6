// From a case's assignments to the values file Helm gets, and to the values Helm validates
// (the chart's defaults coalesced with the override, as Helm does: maps merge, a null
// deletes the key, anything else replaces).
import { stringify } from 'yaml';
import { isObject } from '../core/is-object.ts';
import type { PathSegment } from './leaves.ts';

export interface Assignment {
  readonly path: readonly PathSegment[];
  readonly value: unknown;
}

type Json = Record<string, unknown>;

/**
 * The override holding every assignment. An assignment inside an array element
 * (`ingress.hosts[0].host`) starts that array from `elementBase(arrayPath)` (e.g. the
 * default's first element), so the element stays whole.
 */
export function buildOverride(assignments: readonly Assignment[], elementBase: (arrayPath: readonly PathSegment[]) => unknown): Json {
  const root: Json = {};
  for (const { path, value } of assignments) {
    let node: Json | unknown[] = root;
    for (let i = 0; i < path.length - 1; i++) {
      const seg = path[i] as PathSegment;
      const next = path[i + 1] as PathSegment;
      const container = node as Record<string | number, unknown>;
      if (typeof next === 'number') {
        if (!Array.isArray(container[seg])) container[seg] = [structuredClone(elementBase(path.slice(0, i + 1)) ?? {})];
      } else if (!isObject(container[seg])) {
        container[seg] = {};
      }
      node = container[seg] as Json | unknown[];
    }
    (node as Record<string | number, unknown>)[path[path.length - 1] as PathSegment] = structuredClone(value);
  }
  return root;
}

/** Helm's coalescing of values: `override` over `base`. */
export function coalesce(base: unknown, override: unknown): unknown {
  if (!isObject(base) || !isObject(override)) return override === undefined ? base : override;
  const out: Json = { ...base };
  for (const [key, value] of Object.entries(override)) {
    if (value === null) delete out[key];
    else out[key] = key in base ? coalesce(base[key], value) : value;
  }
  return out;
}

/**
 * YAML for Helm: written as YAML 1.1, so strings Go's YAML decoder would read as something
 * else (`yes`, `on`, `0755`) are quoted and reach Helm as the same strings Ajv saw.
 */
export function valuesYaml(values: unknown, header: readonly string[] = []): string {
  const body = stringify(values, { version: '1.1', lineWidth: 0 });
  return [...header.map((l) => `# ${l}`), body].join('\n');
}
