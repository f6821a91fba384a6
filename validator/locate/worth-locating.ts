// Whether a render's findings are worth locating at values keys (locate-findings.ts), apart
// from the locator so a run that locates nothing does not load it.
import type { Finding } from '../finding.ts';

/**
 * A render is worth the perturbed renders when it has an error or a warning that is not
 * suppressed. Infos (no monitor, no backup, a flow to explain) appear on clean renders too;
 * locating for them alone would put the cost on every run. Once a render is located, its
 * infos are located with the rest.
 */
export function worthLocating(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity !== 'info' && f.suppressed === undefined);
}
