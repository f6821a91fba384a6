// A failed `helm template` as findings the user can act on: one per values-schema error and
// one for a template guard, each with the values keys it names and where they were set
// (the last -f file that sets the key, else the chart's values.yaml), and the template line
// Helm names. Anything else stays one finding with Helm's message.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { isObject } from '../../core/is-object.ts';
import type { Finding, Scenario, TemplateLocation, ValuesLocation } from '../finding.ts';
import { keyPathOf, keyPathSegments, ValuesOrigins } from '../locate/values-origin.ts';
import { guardKeys, templateFailure } from './guard-message.ts';
import { valuesSchemaErrors } from './values-schema-errors.ts';

export interface FailedRender {
  readonly chart: string;
  readonly valuesFiles: readonly string[];
  readonly scenario: Scenario;
  /** Helm's error without its boilerplate (helmError). */
  readonly message: string;
}

function chartName(chart: string): string {
  try {
    const meta: unknown = parse(fs.readFileSync(path.join(chart, 'Chart.yaml'), 'utf8'));
    if (isObject(meta) && typeof meta.name === 'string') return meta.name;
  } catch {
    // An archive or an unreadable Chart.yaml: Helm's first heading is then the root.
  }
  return path.basename(chart).replace(/-\d[\w.+-]*\.tgz$|\.tgz$/, '');
}

/** Where the key was set; a key no file sets (a missing required property) points at its nearest set ancestor. */
function originOrAncestor(origins: ValuesOrigins, segments: readonly (string | number)[]): ValuesLocation | undefined {
  for (let n = segments.length; n > 0; n--) {
    const found = origins.origin(segments.slice(0, n));
    if (found) return found;
  }
  return undefined;
}

/** `<chart>/templates/x.yaml` (Helm's name) as a path under the chart folder. */
function templateLocation(chart: string, template: string, line: number): TemplateLocation {
  const rest = template.split('/').slice(1).join('/');
  const isFolder = fs.existsSync(chart) && fs.statSync(chart).isDirectory();
  return { file: isFolder && rest ? path.join(chart, rest) : template, line };
}

export function renderFailureFindings(failed: FailedRender): Finding[] {
  const file = failed.valuesFiles[failed.valuesFiles.length - 1] ?? failed.chart;
  const base = { ruleId: 'render-failed', severity: 'error', file, scenario: failed.scenario } as const;
  const whole: Finding = { ...base, message: `helm template failed: ${failed.message}` };
  const schemaErrors = valuesSchemaErrors(failed.message, chartName(failed.chart));
  if (schemaErrors && schemaErrors.length > 0) {
    const origins = ValuesOrigins.forRender(failed.chart, failed.valuesFiles);
    return schemaErrors.map((e) => {
      const origin = originOrAncestor(origins, e.segments);
      const key = keyPathOf(e.segments) || '(values)';
      return {
        ...base,
        message: `helm template failed: the values do not meet the schema of chart ${e.chart}: ${key}: ${e.message}`,
        ...(origin ? { values: [origin] } : {}),
      };
    });
  }
  const at = templateFailure(failed.message);
  if (!at) return [whole];
  const template = templateLocation(failed.chart, at.template, at.line);
  if (!at.guard) return [{ ...whole, template }];
  const origins = ValuesOrigins.forRender(failed.chart, failed.valuesFiles);
  const values = guardKeys(at.message)
    .map((key) => originOrAncestor(origins, keyPathSegments(key)))
    .filter((v): v is ValuesLocation => v !== undefined);
  return [{ ...whole, template, ...(values.length > 0 ? { values } : {}) }];
}
