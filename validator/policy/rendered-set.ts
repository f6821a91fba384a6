// The rendered objects of one scenario, indexed for rules that look across objects, with
// the Kubernetes semantics they need (selectors, pod templates, int-or-percent scaling).
import { get } from '../../core/object-path.ts';
import type { FlowOptions } from '../flows/flow-options.ts';
import type { KubeObject, Resource } from '../parse/resource.ts';

export type Labels = Readonly<Record<string, string>>;

export interface LabelSelector {
  readonly matchLabels?: Labels;
  readonly matchExpressions?: readonly { key: string; operator: string; values?: readonly string[] }[];
}

export interface ContainerSpec {
  readonly name: string;
  readonly image?: string;
  readonly securityContext?: Record<string, unknown>;
  readonly resources?: { requests?: Record<string, unknown>; limits?: Record<string, unknown> };
  readonly readinessProbe?: { failureThreshold?: number };
  readonly livenessProbe?: { failureThreshold?: number };
  readonly env?: readonly { name: string; value?: string }[];
}

export interface PodTemplate {
  readonly labels: Labels;
  readonly spec: {
    readonly containers?: readonly ContainerSpec[];
    readonly initContainers?: readonly ContainerSpec[];
    readonly securityContext?: Record<string, unknown>;
    readonly volumes?: readonly Record<string, unknown>[];
    readonly serviceAccountName?: string;
    readonly topologySpreadConstraints?: readonly { topologyKey?: string }[];
    readonly affinity?: { podAntiAffinity?: Record<string, unknown> };
  };
  /** JSON Pointer of the pod spec inside its object. */
  readonly pointer: string;
}

export const WORKLOAD_KINDS = ['StatefulSet', 'Deployment', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'Pod'] as const;

export function podTemplateOf(object: KubeObject): PodTemplate | undefined {
  const at = (path: string, pointer: string): PodTemplate | undefined => {
    const template = get(object, path) as { metadata?: { labels?: Labels }; spec?: PodTemplate['spec'] } | undefined;
    return template?.spec ? { labels: template.metadata?.labels ?? {}, spec: template.spec, pointer } : undefined;
  };
  switch (object.kind) {
    case 'StatefulSet':
    case 'Deployment':
    case 'DaemonSet':
    case 'ReplicaSet':
    case 'Job':
      return at('spec.template', '/spec/template/spec');
    case 'CronJob':
      return at('spec.jobTemplate.spec.template', '/spec/jobTemplate/spec/template/spec');
    case 'Pod':
      return object.spec ? { labels: object.metadata?.labels ?? {}, spec: object.spec as PodTemplate['spec'], pointer: '/spec' } : undefined;
    default:
      return undefined;
  }
}

export function allContainers(template: PodTemplate): { container: ContainerSpec; pointer: string }[] {
  const list = (key: 'containers' | 'initContainers') =>
    (template.spec[key] ?? []).map((container, i) => ({ container, pointer: `${template.pointer}/${key}/${i}` }));
  return [...list('initContainers'), ...list('containers')];
}

export function selects(selector: LabelSelector | undefined, labels: Labels): boolean {
  if (!selector) return false;
  const matchLabels = Object.entries(selector.matchLabels ?? {});
  const expressions = selector.matchExpressions ?? [];
  if (matchLabels.length === 0 && expressions.length === 0) return false;
  if (!matchLabels.every(([k, v]) => labels[k] === v)) return false;
  return expressions.every((e) => {
    const value = labels[e.key];
    switch (e.operator) {
      case 'In':
        return value !== undefined && (e.values ?? []).includes(value);
      case 'NotIn':
        return value === undefined || !(e.values ?? []).includes(value);
      case 'Exists':
        return value !== undefined;
      case 'DoesNotExist':
        return value === undefined;
      default:
        return false;
    }
  });
}

/** A Service selector is a plain map. */
export function serviceSelects(selector: Labels | undefined, labels: Labels): boolean {
  return selector !== undefined && Object.keys(selector).length > 0 && Object.entries(selector).every(([k, v]) => labels[k] === v);
}

/** Kubernetes' GetScaledValueFromIntOrPercent. */
export function scaled(value: unknown, total: number, roundUp: boolean): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') {
    const m = /^(\d+)%$/.exec(value);
    if (m) {
      const exact = (Number(m[1]) * total) / 100;
      return roundUp ? Math.ceil(exact) : Math.floor(exact);
    }
    if (/^\d+$/.test(value)) return Number(value);
  }
  return undefined;
}

/** What set rules may need to know beyond the objects (the flow stage's cluster context). */
export interface PolicySettings {
  readonly flows?: FlowOptions;
  /** Namespace of objects that name none. */
  readonly defaultNamespace?: string;
}

export class RenderedSet {
  readonly resources: readonly Resource[];
  readonly settings: PolicySettings;
  private readonly kinds = new Map<string, Resource[]>();

  constructor(resources: readonly Resource[], settings: PolicySettings = {}) {
    this.resources = resources;
    this.settings = settings;
    for (const r of resources) {
      const list = this.kinds.get(r.ref.kind) ?? [];
      list.push(r);
      this.kinds.set(r.ref.kind, list);
    }
  }

  ofKind(...kinds: readonly string[]): Resource[] {
    return kinds.flatMap((k) => this.kinds.get(k) ?? []);
  }

  sameNamespace(a: Resource, b: Resource): boolean {
    return (a.ref.namespace ?? '') === (b.ref.namespace ?? '');
  }

  /** The HPA whose scaleTargetRef names this workload. */
  autoscalerOf(workload: Resource): Resource | undefined {
    return this.ofKind('HorizontalPodAutoscaler').find((h) => {
      const target = get(h.object, 'spec.scaleTargetRef') as { kind?: string; name?: string } | undefined;
      return target?.kind === workload.ref.kind && target.name === workload.ref.name && this.sameNamespace(h, workload);
    });
  }

  /** The PodDisruptionBudget in the workload's namespace whose selector picks its pods. */
  disruptionBudgetOf(workload: Resource): Resource | undefined {
    const labels = podTemplateOf(workload.object)?.labels ?? {};
    return this.ofKind('PodDisruptionBudget').find((p) => this.sameNamespace(p, workload) && selects(get(p.object, 'spec.selector') as LabelSelector, labels));
  }

  /** Fewest replicas the workload runs with: the HPA's minimum, else spec.replicas (default 1). */
  minReplicas(workload: Resource): number {
    const hpa = this.autoscalerOf(workload);
    if (hpa) return Number(get(hpa.object, 'spec.minReplicas') ?? 1);
    return Number(get(workload.object, 'spec.replicas') ?? 1);
  }

  maxReplicas(workload: Resource): number {
    const hpa = this.autoscalerOf(workload);
    if (hpa) return Number(get(hpa.object, 'spec.maxReplicas') ?? 1);
    return Number(get(workload.object, 'spec.replicas') ?? 1);
  }
}
