// A render's objects by identity (kind, namespace, name), and the field at a JSON Pointer in
// one of them as comparable text: what locating compares between the render and a perturbed one.
import { fromPointer } from '../../core/diagnostic.ts';
import { isObject } from '../../core/is-object.ts';
import type { ResourceRef } from '../finding.ts';
import { parseManifests } from '../parse/parse-manifests.ts';

export function resourceKey(ref: ResourceRef): string {
  return [ref.kind, ref.namespace ?? '', ref.name].join('\u0000');
}

/** A field to watch: a finding's resource and pointer. */
export interface FieldTarget {
  readonly resource: string;
  readonly pointer: string;
}

export class RenderedFields {
  private readonly objects = new Map<string, unknown>();

  constructor(manifests: string, namespace: string) {
    const parsed = parseManifests({ file: 'render', text: manifests }, undefined, { defaultNamespace: namespace, naming: 'template', strict: false });
    for (const r of parsed.resources) this.objects.set(resourceKey(r.ref), r.object);
  }

  /** The objects as data: the same for renders that differ only in layout (Helm 3 and 4 space documents differently). */
  get identity(): string {
    return JSON.stringify([...this.objects]);
  }

  /** The field as JSON text (`undefined` text when absent), or undefined when the object is not rendered. */
  field(target: FieldTarget): string | undefined {
    if (!this.objects.has(target.resource)) return undefined;
    let node: unknown = this.objects.get(target.resource);
    for (const seg of fromPointer(target.pointer)) {
      if (Array.isArray(node)) node = node[Number(seg)];
      else if (isObject(node)) node = node[seg];
      else node = undefined;
    }
    return node === undefined ? 'undefined' : JSON.stringify(node);
  }
}
