// Upgrade safety: compare the render of the installed release with the candidate's and
// flag every change `helm upgrade` cannot apply (immutable fields) and every change that
// loses data (Retain switched off, a StorageClass replaced, a claim shrunk).
import { isDeepStrictEqual } from 'node:util';
import { toPointer } from '../../core/diagnostic.ts';
import { get } from '../../core/object-path.ts';
import type { Finding } from '../finding.ts';
import type { Resource } from '../parse/resource.ts';
import { IMMUTABLE_FIELDS } from './immutable-fields.ts';

const group = (apiVersion: string) => (apiVersion.includes('/') ? apiVersion.split('/')[0] : '');
const identity = (r: Resource) => `${group(r.ref.apiVersion)}|${r.ref.kind}|${r.ref.namespace ?? ''}|${r.ref.name}`;

function finding(ruleId: string, candidate: Resource, message: string, pointer: string): Finding {
  const position = candidate.document.positionOf(`${candidate.pointerPrefix}${pointer}`) ?? candidate.document.positionOf(candidate.pointerPrefix);
  return { ruleId, severity: 'error', message, file: candidate.file, resource: candidate.ref, pointer, ...(position ? { position } : {}) };
}

function retention(r: Resource, when: string): unknown {
  return get(r.object, `spec.persistentVolumeClaimRetentionPolicy.${when}`) ?? 'Retain';
}

/** Bytes of a Kubernetes quantity (enough for storage sizes). */
export function quantityBytes(q: unknown): number | undefined {
  const m = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?$/.exec(String(q ?? ''));
  if (!m) return undefined;
  const units: Record<string, number> = {
    Ki: 2 ** 10,
    Mi: 2 ** 20,
    Gi: 2 ** 30,
    Ti: 2 ** 40,
    Pi: 2 ** 50,
    Ei: 2 ** 60,
    k: 1e3,
    M: 1e6,
    G: 1e9,
    T: 1e12,
    P: 1e15,
    E: 1e18,
  };
  return Number(m[1]) * (m[2] ? (units[m[2]] ?? 1) : 1);
}

export function compareReleases(installed: readonly Resource[], candidate: readonly Resource[]): Finding[] {
  const before = new Map(installed.map((r) => [identity(r), r]));
  const out: Finding[] = [];
  for (const next of candidate) {
    const prev = before.get(identity(next));
    if (!prev) continue;
    for (const field of IMMUTABLE_FIELDS[next.ref.kind] ?? []) {
      const a = get(prev.object, field.path);
      const b = get(next.object, field.path);
      if (a === undefined && b === undefined) continue;
      if (field.path === 'spec.clusterIP' && (a === undefined || b === undefined)) continue; // allocated by the API server
      if (!isDeepStrictEqual(a, b)) {
        out.push(
          finding(
            'upgrade-immutable-field',
            next,
            `${field.path} changes from ${JSON.stringify(a)} to ${JSON.stringify(b)}: ${field.why}, helm upgrade will fail`,
            toPointer(field.path.split('.')),
          ),
        );
      }
    }
    if (next.ref.kind === 'StatefulSet') {
      for (const when of ['whenDeleted', 'whenScaled']) {
        if (retention(prev, when) === 'Retain' && retention(next, when) !== 'Retain') {
          out.push(
            finding(
              'upgrade-data-loss',
              next,
              `persistentVolumeClaimRetentionPolicy.${when} switches from Retain to ${String(retention(next, when))}: claims will be deleted`,
              `/spec/persistentVolumeClaimRetentionPolicy/${when}`,
            ),
          );
        }
      }
    }
    if (
      next.ref.kind === 'StorageClass' &&
      (get(prev.object, 'reclaimPolicy') ?? 'Delete') === 'Retain' &&
      (get(next.object, 'reclaimPolicy') ?? 'Delete') !== 'Retain'
    ) {
      out.push(finding('upgrade-data-loss', next, 'reclaimPolicy switches from Retain: released volumes will be destroyed', '/reclaimPolicy'));
    }
    if (next.ref.kind === 'PersistentVolumeClaim') {
      const a = quantityBytes(get(prev.object, 'spec.resources.requests.storage'));
      const b = quantityBytes(get(next.object, 'spec.resources.requests.storage'));
      if (a !== undefined && b !== undefined && b < a)
        out.push(finding('upgrade-immutable-field', next, 'the claim shrinks: volumes cannot be made smaller', '/spec/resources/requests/storage'));
    }
  }
  // A StorageClass the installed release used is gone and another takes its place.
  const nextIds = new Set(candidate.map(identity));
  const removedClasses = installed.filter((r) => r.ref.kind === 'StorageClass' && !nextIds.has(identity(r)));
  for (const removed of removedClasses) {
    const user = candidate.find(
      (r) =>
        r.ref.kind === 'StatefulSet' && JSON.stringify(get(r.object, 'spec.volumeClaimTemplates') ?? []).includes(`"storageClassName":"${removed.ref.name}"`),
    );
    const replacement = candidate.find((r) => r.ref.kind === 'StorageClass' && !before.has(identity(r)));
    out.push(
      finding(
        'upgrade-data-loss',
        replacement ?? user ?? removed,
        `StorageClass ${removed.ref.name} is removed${replacement ? ` and replaced by ${replacement.ref.name}` : ''}: existing volumes lose the class that keeps them`,
        '',
      ),
    );
  }
  return out;
}
