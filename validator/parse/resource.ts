// A rendered or given Kubernetes object with where it came from.
import type { YamlDocumentSource } from '../../core/yaml-source.ts';
import type { ResourceRef } from '../finding.ts';

export type KubeObject = {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata?: {
    readonly name?: string;
    readonly namespace?: string;
    readonly labels?: Readonly<Record<string, string>>;
    readonly annotations?: Readonly<Record<string, string>>;
  };
  readonly [key: string]: unknown;
};

export interface Resource {
  readonly object: KubeObject;
  readonly ref: ResourceRef;
  /** The template (`# Source:` of a Helm render) or the manifest file it came from. */
  readonly file: string;
  /** Position of the document in the stream, for pointers inside it. */
  readonly document: YamlDocumentSource;
  /** JSON Pointer prefix when the object is an item of a List (`/items/3`). */
  readonly pointerPrefix: string;
  /**
   * Why decoding already refused the document (strict: a key written twice, which strict field
   * validation rejects). Its schema verdict is then `error`, as kubeconform -strict gives, and
   * the parse finding is the one reported.
   */
  readonly refused?: string;
}
