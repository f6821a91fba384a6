// The validator's output: findings are data. Every stage (render, parse, schema check,
// policy, upgrade safety) reports Findings; reports format them (validator/report/).
import type { SourcePosition } from '../core/diagnostic.ts';

export type FindingSeverity = 'error' | 'warning' | 'info';

export const SEVERITY_ORDER: Readonly<Record<FindingSeverity, number>> = { info: 0, warning: 1, error: 2 };

/** The object a finding is about, as rendered. */
export interface ResourceRef {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string;
}

/** Which render produced the manifests (absent for manifests given as files). */
export interface Scenario {
  /** Values files given with -f, or `(defaults)`. */
  readonly values: string;
  readonly kubeVersion: string;
  readonly helmMajor?: 3 | 4;
}

/** A values key that fed the offending field, and where it was set (the user's -f file, else the chart's values.yaml). */
export interface ValuesLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** The key as users write it: `storageClass.reclaimPolicy`, `ingress.hosts[0].host`. */
  readonly path: string;
}

/** The template source line that wrote a field no value feeds. */
export interface TemplateLocation {
  readonly file: string;
  readonly line: number;
}

export interface Finding {
  /** Stable id: a policy rule id (kebab-case, e.g. `pdb-protects-statefulset`) or a stage code (`schema/invalid`, `parse/duplicate-key`, `upgrade-immutable-field`). */
  readonly ruleId: string;
  readonly severity: FindingSeverity;
  readonly message: string;
  /** The template (`chart/templates/x.yaml`, from `# Source:`) or manifest file. */
  readonly file?: string;
  /** For a Helm-rendered manifest file given as input: the `# Source:` template (extra context). */
  readonly source?: string;
  /** Line and column in the rendered document or manifest file. */
  readonly position?: SourcePosition;
  readonly resource?: ResourceRef;
  /** JSON Pointer inside the object. */
  readonly pointer?: string;
  readonly scenario?: Scenario;
  /** The values keys that produced the offending field (validator/locate/), first the one to edit. */
  readonly values?: readonly ValuesLocation[];
  /** The template source line, when no value feeds the field. */
  readonly template?: TemplateLocation;
  /** Set when an annotation or the config file suppressed it; it is still reported. */
  readonly suppressed?: { readonly reason: string; readonly by: 'annotation' | 'config' };
}

export function findingKey(f: Finding): string {
  // The position is part of the key: findings group across renders, never across lines.
  return [
    f.ruleId,
    f.file ?? '',
    f.position ? `${f.position.line}:${f.position.column}` : '',
    f.resource?.kind ?? '',
    f.resource?.namespace ?? '',
    f.resource?.name ?? '',
    f.pointer ?? '',
    f.message,
  ].join('\u0000');
}
