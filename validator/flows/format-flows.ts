// Flow results in words and tables, in one place: the verdict of a flow, a policy rule, the
// JSON flow table and the text matrix (sources × destination ports) people read fastest.
import { formatCidr } from './cidr.ts';
import type { DirectionVerdict } from './evaluate.ts';
import type { EvaluatedFlow, FlowAnalysis } from './flow-table.ts';
import { endLabel } from './implied-flows.ts';
import { describeSelector } from './label-selector.ts';
import type { PeerMatch, PolicyRule } from './policy-model.ts';

function denial(side: string, v: DirectionVerdict): string {
  return `${side} is isolated by ${v.isolatedBy.map((p) => `NetworkPolicy/${p.name}`).join(', ')} and no rule allows it`;
}

export function describeVerdict(flow: EvaluatedFlow): string {
  const reasons: string[] = [];
  if (!flow.verdict.egress.allowed) reasons.push(denial(`egress of ${endLabel(flow.source)}`, flow.verdict.egress));
  if (!flow.verdict.ingress.allowed) reasons.push(denial(`ingress of ${endLabel(flow.destination)}`, flow.verdict.ingress));
  return reasons.join('; ');
}

function describePeer(peer: PeerMatch): string {
  if (peer.kind === 'ipBlock')
    return `ipBlock ${peer.cidr ? formatCidr(peer.cidr) : peer.text}${peer.except.length > 0 ? ` except ${peer.except.map(formatCidr).join(', ')}` : ''}`;
  const ns =
    peer.namespaces.kind === 'policy-namespace'
      ? 'this namespace'
      : peer.namespaces.kind === 'all'
        ? 'all namespaces'
        : `namespaces ${describeSelector(peer.namespaces.selector)}`;
  return `pods ${describeSelector(peer.pods)} in ${ns}`;
}

export function describeRule(rule: PolicyRule, peer: number | undefined): string {
  const field = rule.direction === 'ingress' ? 'from' : 'to';
  const who = peer === undefined || rule.peers === 'any' ? `${field}: any` : `${field}[${peer}] ${rule.peers[peer] ? describePeer(rule.peers[peer]) : ''}`;
  return `${rule.direction} rule ${rule.index} (${who})`;
}

export interface FlowRow {
  readonly kind: string;
  readonly source: string;
  readonly destination: string;
  readonly port: number;
  readonly portName?: string;
  readonly protocol: string;
  readonly via?: string;
  readonly allowed: boolean;
  readonly egress: { readonly isolatedBy: readonly string[]; readonly allowedBy: readonly string[] };
  readonly ingress: { readonly isolatedBy: readonly string[]; readonly allowedBy: readonly string[] };
  readonly origin: string;
}

export interface FlowTable {
  readonly flows: readonly FlowRow[];
  readonly unisolated: readonly string[];
}

const side = (v: DirectionVerdict) => ({
  isolatedBy: v.isolatedBy.map((p) => `${p.namespace}/${p.name}`),
  allowedBy: v.allowedBy.map((m) => `${m.policy.namespace}/${m.policy.name} rule ${m.rule}${m.peer !== undefined ? ` peer ${m.peer}` : ''}`),
});

export function flowTable(analysis: FlowAnalysis): FlowTable {
  return {
    flows: analysis.flows.map((f) => ({
      kind: f.kind,
      source: endLabel(f.source),
      destination: endLabel(f.destination),
      port: f.port,
      ...(f.portName ? { portName: f.portName } : {}),
      protocol: f.protocol,
      ...(f.via ? { via: f.via } : {}),
      allowed: f.verdict.allowed,
      egress: side(f.verdict.egress),
      ingress: side(f.verdict.ingress),
      origin: f.origin.why,
    })),
    unisolated: analysis.unisolated.map((e) => e.id),
  };
}

/** Rows: sources; columns: destination port; cells: ok (allowed), NO (denied), blank (not implied). */
export function flowMatrix(table: FlowTable): string {
  const column = (r: FlowRow) => `${r.destination} ${r.port}/${r.protocol}`;
  const sources = [...new Set(table.flows.map((r) => r.source))];
  const columns = [...new Set(table.flows.map(column))];
  if (columns.length === 0) return '';
  const cell = new Map<string, boolean>();
  for (const r of table.flows) {
    const key = `${r.source}\u0000${column(r)}`;
    cell.set(key, (cell.get(key) ?? true) && r.allowed);
  }
  const rowWidth = Math.max(6, ...sources.map((s) => s.length));
  const lines = columns.map((c, i) => `${' '.repeat(rowWidth)}  ${'|  '.repeat(i)}${c}`);
  for (const s of sources) {
    const cells = columns.map((c) => {
      const v = cell.get(`${s}\u0000${c}`);
      return v === undefined ? ' . ' : v ? 'ok ' : 'NO ';
    });
    lines.push(`${s.padEnd(rowWidth)}  ${cells.join('')}`);
  }
  return lines.join('\n');
}
