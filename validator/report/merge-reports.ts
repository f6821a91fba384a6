// `bvchart report merge`: JSON reports of the shards of one validation (`--shard i/n` on
// several machines) joined into the report one run would have printed: findings and
// scenarios in shard order, counts summed, totals recomputed. Reports of plain runs (no
// shard) are joined in the order given. A missing, repeated or foreign shard is an error.
import { isObject } from '../../core/is-object.ts';
import type { Finding, Scenario } from '../finding.ts';
import type { SchemaStatus } from '../schemas/check-schemas.ts';
import { joinReport } from './join-report.ts';
import type { RenderFlows, ShardInfo, ValidationReport, ValidationSummary } from './validation-report.ts';

export class MergeError extends Error {
  override readonly name = 'MergeError';
}

export interface ReportFile {
  readonly file: string;
  readonly text: string;
}

/** A JSON report read back; only the fields the merge relies on are checked. */
export function readJsonReport({ file, text }: ReportFile): ValidationReport {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new MergeError(`${file}: not JSON (${(error as Error).message})`);
  }
  if (
    !isObject(data) ||
    !Array.isArray(data.findings) ||
    !Array.isArray(data.scenarios) ||
    !isObject(data.summary) ||
    !isObject(data.summary.schema) ||
    typeof data.summary.resources !== 'number'
  ) {
    throw new MergeError(`${file}: not a bvchart JSON report (bvchart validate -o json): needs summary, scenarios and findings`);
  }
  const shard = data.shard;
  if (shard !== undefined && !(isObject(shard) && typeof shard.index === 'number' && typeof shard.count === 'number' && typeof shard.items === 'number')) {
    throw new MergeError(`${file}: "shard" must hold index, count and items`);
  }
  return {
    findings: data.findings as Finding[],
    scenarios: data.scenarios as Scenario[],
    summary: data.summary as unknown as ValidationSummary,
    ...(Array.isArray(data.flows) ? { flows: data.flows as RenderFlows[] } : {}),
    ...(shard ? { shard: shard as unknown as ShardInfo } : {}),
  };
}

function shardOrder(reports: readonly { file: string; report: ValidationReport }[]): { file: string; report: ValidationReport }[] {
  const sharded = reports.filter((r) => r.report.shard);
  if (sharded.length === 0) return [...reports];
  if (sharded.length !== reports.length) throw new MergeError('some reports are shards and some are not: merge the shards of one run');
  const first = sharded[0]?.report.shard as ShardInfo;
  const seen = new Map<number, string>();
  for (const { file, report } of sharded) {
    const s = report.shard as ShardInfo;
    if (s.count !== first.count || s.items !== first.items)
      throw new MergeError(`${file}: shard ${s.index}/${s.count} of ${s.items} items is from another run than ${first.index}/${first.count} of ${first.items}`);
    const other = seen.get(s.index);
    if (other) throw new MergeError(`shard ${s.index}/${s.count} given twice: ${other} and ${file}`);
    seen.set(s.index, file);
  }
  const missing = Array.from({ length: first.count }, (_, i) => i + 1).filter((i) => !seen.has(i));
  if (missing.length > 0) throw new MergeError(`shard(s) ${missing.map((i) => `${i}/${first.count}`).join(', ')} missing`);
  return [...sharded].sort((a, b) => (a.report.shard?.index ?? 0) - (b.report.shard?.index ?? 0));
}

export function mergeReports(files: readonly ReportFile[]): ValidationReport {
  if (files.length === 0) throw new MergeError('give the JSON reports to merge');
  const ordered = shardOrder(files.map((f) => ({ file: f.file, report: readJsonReport(f) })));
  return joinReport(
    ordered.map(({ report }) => ({
      findings: report.findings,
      scenarios: report.scenarios,
      resources: report.summary.resources,
      schema: report.summary.schema as Readonly<Record<SchemaStatus, number>>,
      flows: report.flows ?? [],
    })),
  );
}
