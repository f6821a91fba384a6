// Values the schema accepted and the API server refused, found by `bvchart explore
// --local-control-plane` (seed 7, 250 cases: oracle 4, server-side dry-run on Kubernetes
// 1.36), each as its shrunk case. Now each one is either refused where the user typed it (the
// values schema, by Helm 3 and Helm 4, naming the key), stopped by a chart guard naming the
// key, or rendered into what the API server accepts. The e2e tier runs the same keys through
// the API server again (test/e2e/explore-dry-run.test.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { valuesYaml } from '../../explore/values-override.ts';
import { HELM_MAJORS, Helm } from '../../toolchain/helm.ts';
import { NEWEST_KUBE_VERSION } from '../../toolchain/kube-versions.ts';
import { CHART } from '../helpers/scenarios.ts';

type Outcome = { readonly schema: string } | { readonly guard: string } | { readonly renders: (objects: Record<string, unknown>[]) => void };

const securityContext = (objects: Record<string, unknown>[], kind: string, suffix: string) => {
  const found = objects.find((o) => o.kind === kind && String((o.metadata as { name: string }).name).endsWith(suffix)) as
    | {
        spec: {
          template?: { spec: { containers: { securityContext: Record<string, unknown> }[] } };
          jobTemplate?: { spec: { template: { spec: { containers: { securityContext: Record<string, unknown> }[] } } } };
        };
      }
    | undefined;
  const pod = found?.spec.template ?? found?.spec.jobTemplate?.spec.template;
  return pod?.spec.containers[0]?.securityContext;
};

const CASES: readonly (readonly [string, unknown, Outcome])[] = [
  [
    'redis.cluster.resources.requests.memory above its limit',
    { redis: { cluster: { resources: { requests: { memory: '10Gi' } } } } },
    { guard: 'redis.cluster.resources.requests.memory: 10Gi is above the limit 1Gi' },
  ],
  ['resources.requests.cpu above its limit', { resources: { requests: { cpu: '8' } } }, { guard: 'resources.requests.cpu: 8 is above the limit' }],
  [
    'containerSecurityContext.windowsOptions.hostProcess',
    { containerSecurityContext: { windowsOptions: { hostProcess: true } } },
    { schema: 'windowsOptions' },
  ],
  ['redis.cluster.containerSecurityContext.procMount blank', { redis: { cluster: { containerSecurityContext: { procMount: ' ' } } } }, { schema: 'procMount' }],
  [
    'containerSecurityContext.windowsOptions.runAsUserName blank',
    { containerSecurityContext: { windowsOptions: { runAsUserName: ' ' } } },
    { schema: 'windowsOptions' },
  ],
  ['containerSecurityContext.procMount Unmasked (needs hostUsers false)', { containerSecurityContext: { procMount: 'Unmasked' } }, { schema: 'procMount' }],
  ['containerSecurityContext.runAsUser -1', { containerSecurityContext: { runAsUser: -1 } }, { schema: 'runAsUser' }],
  ['containerSecurityContext.seccompProfile.type blank', { containerSecurityContext: { seccompProfile: { type: ' ' } } }, { schema: 'type' }],
  [
    'a node selector operator that is none',
    {
      redis: {
        cluster: {
          affinity: {
            nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'a', operator: 'a' }] }] } },
          },
        },
      },
    },
    { schema: 'operator' },
  ],
  ['seccompProfile Localhost without its profile', { containerSecurityContext: { seccompProfile: { type: 'Localhost' } } }, { schema: 'localhostProfile' }],
  [
    'a node selector In without values',
    {
      redis: {
        cluster: {
          affinity: {
            nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'a', operator: 'In' }] }] } },
          },
        },
      },
    },
    { schema: 'values' },
  ],
  [
    'matchFields on a key other than metadata.name',
    {
      redis: {
        cluster: {
          affinity: {
            nodeAffinity: {
              requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'a', operator: 'In', values: ['x'] }] }] },
            },
          },
        },
      },
    },
    { schema: 'key' },
  ],
  [
    'an empty nodeSelectorTerms',
    { redis: { cluster: { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [] } } } } } },
    { schema: 'nodeSelectorTerms' },
  ],
  [
    'containerSecurityContext.privileged',
    { containerSecurityContext: { privileged: true } },
    {
      renders: (objects) => expect(securityContext(objects, 'StatefulSet', 'boardviewer')).toMatchObject({ privileged: true, allowPrivilegeEscalation: true }),
    },
  ],
  [
    'chaosDrill.containerSecurityContext.privileged',
    { chaosDrill: { enabled: true, containerSecurityContext: { privileged: true } } },
    { renders: (objects) => expect(securityContext(objects, 'CronJob', 'chaos-drill')).toMatchObject({ privileged: true, allowPrivilegeEscalation: true }) },
  ],
  [
    'privileged with allowPrivilegeEscalation false, both said by the user',
    { containerSecurityContext: { privileged: true, allowPrivilegeEscalation: false } },
    { schema: 'containerSecurityContext' },
  ],
];

describe.each(HELM_MAJORS)('helm%i', (major) => {
  it.each(CASES)('%s', async (_name, values, outcome) => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bvchart-api-rules-')), 'values.yaml');
    fs.writeFileSync(file, valuesYaml(values));
    const r = await new Helm(major).template({ chart: CHART, kubeVersion: NEWEST_KUBE_VERSION, valuesFiles: [file], releaseName: 'bv', namespace: 'boards' });
    if ('schema' in outcome) {
      expect(r.status).not.toBe(0);
      expect(r.stderr).toMatch(/schema/i);
      expect(r.stderr).toContain(outcome.schema);
    } else if ('guard' in outcome) {
      expect(r.status).not.toBe(0);
      expect(r.stderr).toContain(outcome.guard);
    } else {
      expect(r.status, r.stderr).toBe(0);
      outcome.renders(
        parseAllDocuments(r.stdout)
          .map((d) => d.toJS() as Record<string, unknown>)
          .filter(Boolean),
      );
    }
  });
});
