// The flow analysis of a rendered set, computed on first use and shared by the flow rules
// and the report (keyed by the set's resource list, so one render is analysed once).
import type { Resource } from '../parse/resource.ts';
import type { RenderedSet } from '../policy/rendered-set.ts';
import { DEFAULT_FLOW_OPTIONS, type FlowOptions } from './flow-options.ts';
import { analyzeFlows, type FlowAnalysis } from './flow-table.ts';

const cache = new WeakMap<readonly Resource[], Map<string, FlowAnalysis>>();

export function flowAnalysisFor(resources: readonly Resource[], options: FlowOptions = DEFAULT_FLOW_OPTIONS, defaultNamespace = 'default'): FlowAnalysis {
  const byOptions = cache.get(resources) ?? new Map<string, FlowAnalysis>();
  cache.set(resources, byOptions);
  const key = JSON.stringify([options, defaultNamespace]);
  let analysis = byOptions.get(key);
  if (!analysis) {
    analysis = analyzeFlows(resources, options, defaultNamespace);
    byOptions.set(key, analysis);
  }
  return analysis;
}

export function flowAnalysisOf(set: RenderedSet): FlowAnalysis {
  return flowAnalysisFor(set.resources, set.settings.flows, set.settings.defaultNamespace);
}
