// Suppressing a rule for one object, with a reason: by annotation on the object
// (`ignore-check.bvchart.io/<rule-id>: <reason>`) or by an entry of the config file.
// Suppressed findings stay in the report, marked; a suppression without a reason is itself
// a finding.
import type { Finding } from '../finding.ts';
import type { Resource } from '../parse/resource.ts';

export const SUPPRESS_ANNOTATION_PREFIX = 'ignore-check.bvchart.io/';

export interface ConfigSuppression {
  readonly rule: string;
  readonly kind?: string;
  readonly name?: string;
  readonly namespace?: string;
  readonly reason: string;
}

export function annotationSuppression(resource: Resource | undefined, ruleId: string): string | undefined {
  return resource?.object.metadata?.annotations?.[`${SUPPRESS_ANNOTATION_PREFIX}${ruleId}`];
}

export function configSuppression(entries: readonly ConfigSuppression[], finding: Finding): ConfigSuppression | undefined {
  return entries.find(
    (e) =>
      e.rule === finding.ruleId &&
      (e.kind === undefined || e.kind === finding.resource?.kind) &&
      (e.name === undefined || e.name === finding.resource?.name) &&
      (e.namespace === undefined || e.namespace === finding.resource?.namespace),
  );
}

/** Marks suppressed findings and adds one finding per suppression annotation that gives no reason. */
export function applySuppressions(
  findings: readonly Finding[],
  resourceOf: (f: Finding) => Resource | undefined,
  entries: readonly ConfigSuppression[],
): Finding[] {
  const out: Finding[] = [];
  const reported = new Set<string>();
  for (const f of findings) {
    const resource = resourceOf(f);
    const annotated = annotationSuppression(resource, f.ruleId);
    if (annotated !== undefined) {
      out.push({ ...f, suppressed: { reason: annotated.trim() || '(no reason given)', by: 'annotation' } });
      const key = `${f.file}|${f.resource?.kind}|${f.resource?.name}|${f.ruleId}`;
      if (annotated.trim() === '' && !reported.has(key)) {
        reported.add(key);
        out.push({
          ruleId: 'suppression-reason',
          severity: 'error',
          message: `annotation ${SUPPRESS_ANNOTATION_PREFIX}${f.ruleId} suppresses a finding without a reason`,
          ...(f.file !== undefined ? { file: f.file } : {}),
          ...(f.resource ? { resource: f.resource } : {}),
          ...(f.scenario ? { scenario: f.scenario } : {}),
          pointer: '/metadata/annotations',
          ...(resource?.document.positionOf(`${resource.pointerPrefix}/metadata/annotations`)
            ? { position: resource.document.positionOf(`${resource.pointerPrefix}/metadata/annotations`) }
            : {}),
        });
      }
      continue;
    }
    const entry = configSuppression(entries, f);
    out.push(entry ? { ...f, suppressed: { reason: entry.reason, by: 'config' } } : f);
  }
  return out;
}
