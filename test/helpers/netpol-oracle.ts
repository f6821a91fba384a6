// The differential oracle: toolchain/go/netpol-oracle (Cyclonus v0.5.6's matcher), and the
// same questions asked of our evaluator, in one traffic format.
import { spawnSync } from 'node:child_process';
import { locateTool } from '../../toolchain/locate-tool.ts';
import { parseCidr } from '../../validator/flows/cidr.ts';
import { evaluateFlow, type FlowPeer } from '../../validator/flows/evaluate.ts';
import type { Labels, Selector } from '../../validator/flows/label-selector.ts';
import { compilePolicy, type PolicyModel, type RawNetworkPolicy } from '../../validator/flows/policy-model.ts';

export interface OraclePeer {
  readonly ip: string;
  readonly internal?: { readonly namespace: string; readonly namespaceLabels: Labels; readonly podLabels: Labels };
}

export interface OracleTraffic {
  readonly source: OraclePeer;
  readonly destination: OraclePeer;
  readonly port: number;
  readonly portName: string;
  readonly protocol: string;
}

export interface Verdict {
  readonly allowed: boolean;
  readonly ingress: boolean;
  readonly egress: boolean;
}

/** Cyclonus's verdicts for each traffic item under the policies. */
export function cyclonusVerdicts(policies: readonly RawNetworkPolicy[], traffic: readonly OracleTraffic[]): Verdict[] {
  const result = spawnSync(locateTool('netpol-oracle'), [], { input: JSON.stringify({ policies, traffic }), encoding: 'utf8', maxBuffer: 1 << 28 });
  if (result.status !== 0) throw new Error(`netpol-oracle failed (${result.status}): ${result.stderr}`);
  return (JSON.parse(result.stdout) as { verdicts: Verdict[] }).verdicts;
}

function toPeer(p: OraclePeer): FlowPeer {
  const ip = parseCidr(p.ip);
  if (!ip) throw new Error(`bad IP ${p.ip}`);
  return p.internal
    ? { kind: 'pod', namespace: p.internal.namespace, namespaceLabels: p.internal.namespaceLabels, podLabels: p.internal.podLabels, ip }
    : { kind: 'external', addresses: ip };
}

export function modelOf(policies: readonly RawNetworkPolicy[]): PolicyModel {
  return { policies: policies.map((p) => compilePolicy(p, 'default')) };
}

/** Kubernetes' own label selector semantics (apimachinery LabelSelectorAsSelector), through the oracle. */
export function kubernetesSelectorMatches(checks: readonly { selector: Selector; labels: Labels }[]): boolean[] {
  const result = spawnSync(locateTool('netpol-oracle'), [], {
    input: JSON.stringify({ policies: [], traffic: [], selectorChecks: checks }),
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  if (result.status !== 0) throw new Error(`netpol-oracle failed (${result.status}): ${result.stderr}`);
  return (JSON.parse(result.stdout) as { selectorMatches: boolean[] }).selectorMatches;
}

/** Our verdicts for the same traffic. */
export function ourVerdicts(policies: readonly RawNetworkPolicy[], traffic: readonly OracleTraffic[]): Verdict[] {
  const model = modelOf(policies);
  return traffic.map((t) => {
    const v = evaluateFlow(model, {
      source: toPeer(t.source),
      destination: toPeer(t.destination),
      port: t.port,
      ...(t.portName ? { portName: t.portName } : {}),
      protocol: t.protocol,
    });
    return { allowed: v.allowed, ingress: v.ingress.allowed, egress: v.egress.allowed };
  });
}

export function describeTraffic(t: OracleTraffic): string {
  const end = (p: OraclePeer) => (p.internal ? `${p.internal.namespace}/${JSON.stringify(p.internal.podLabels)}@${p.ip}` : `external ${p.ip}`);
  return `${end(t.source)} -> ${end(t.destination)} ${t.port}${t.portName ? `(${t.portName})` : ''}/${t.protocol}`;
}
