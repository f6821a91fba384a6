// The human report: each finding with its key, value, oracle and message; then the summary.
import type { ExploreReport } from '../explore-report.ts';
import { ORACLES } from '../oracles/oracle.ts';

const show = (v: unknown) => (typeof v === 'string' ? JSON.stringify(v) : (JSON.stringify(v) ?? 'undefined'));

export function textReport(report: ExploreReport): string {
  const lines: string[] = [];
  for (const f of report.findings) {
    const where = [f.helmMajor ? `helm${f.helmMajor}` : '', f.kubeVersion ? `k8s ${f.kubeVersion}` : ''].filter(Boolean).join(', ');
    lines.push(`${f.key} = ${show(f.value)}`);
    lines.push(`  ${ORACLES[f.oracle]}${where ? ` (${where})` : ''}`);
    for (const l of f.message.split('\n').slice(0, 8)) lines.push(`  ${l}`);
    lines.push(
      `  first seen in ${f.caseId} (${f.caseTitle}), ${f.occurrences} case${f.occurrences === 1 ? '' : 's'}${f.file ? `; shrunk case: ${f.file}` : ''}`,
    );
    lines.push('');
  }
  const s = report.summary;
  if (s.baseline.length > 0) {
    lines.push(`the chart's defaults already have ${s.baseline.length} validator finding(s), not held against the cases:`);
    for (const b of s.baseline) lines.push(`  ${b}`);
    lines.push('');
  }
  if (s.unservedKinds.length > 0) lines.push(`not sent (the API server does not serve them): ${s.unservedKinds.join(', ')}`, '');
  lines.push(
    `${s.cases} cases (of ${s.planned} planned, seed ${s.seed}${s.budget !== null ? `, budget ${s.budget}` : ''}): ${s.schemaAccepted} accepted and ${s.schemaRejected} rejected by the schema, ` +
      `${s.guarded} stopped by a documented guard; ${s.renders} renders (helm ${s.helmMajors.join(', ')} × Kubernetes ${s.kubernetesVersions.join(', ')}); ` +
      `${s.leavesCovered} of ${s.leaves} leaves covered on both sides; ${s.findings} finding${s.findings === 1 ? '' : 's'} (${s.oracles.length} oracles) in ${s.seconds} s`,
  );
  return `${lines.join('\n')}\n`;
}
