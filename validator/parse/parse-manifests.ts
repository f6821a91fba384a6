// Stage 2, parse: a manifest stream (Helm's render, a file, stdin) into resources with
// their source. Decoding is Kubernetes' own (decode-stream.ts: YAMLReader splitting, go-yaml
// v2 scalars, string keys), so a document bvchart accepts is one kubectl accepts. Bounded on
// hostile input: binary data is refused, the stream is cut into documents before parsing so
// memory follows the largest document, an oversized document is refused, and alias expansion
// is capped. A document that cannot be a Kubernetes object gives one finding, never more.
import { isObject } from '../../core/is-object.ts';
import type { YamlDocumentSource } from '../../core/yaml-source.ts';
import type { Finding, Scenario } from '../finding.ts';
import { decodeStream, type StreamEvent } from './decode-stream.ts';
import type { ManifestText } from './manifest-text.ts';
import type { KubeObject, Resource } from './resource.ts';

export interface ManifestInput extends Partial<ManifestText> {
  /** A label for the stream: a path, `stdin`, or a render's name. */
  readonly file: string;
  readonly text: string;
}

export interface ParsedManifests {
  readonly resources: readonly Resource[];
  readonly findings: readonly Finding[];
}

/** Kinds that live outside namespaces (so no default namespace applies to them). */
export const CLUSTER_SCOPED_KINDS = new Set([
  'Namespace',
  'Node',
  'PersistentVolume',
  'StorageClass',
  'CSIDriver',
  'CSINode',
  'VolumeAttachment',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
  'PriorityClass',
  'IngressClass',
  'RuntimeClass',
  'APIService',
  'MutatingWebhookConfiguration',
  'ValidatingWebhookConfiguration',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding',
  'CertificateSigningRequest',
  'FlowSchema',
  'PriorityLevelConfiguration',
]);

export interface ParseOptions {
  /** The namespace of namespaced objects that name none (a render's --namespace). */
  readonly defaultNamespace?: string;
  /**
   * `template` (a chart's render): findings name the `# Source:` template. `file` (default,
   * manifests given as files): findings name the file read, with the template as `source`.
   */
  readonly naming?: 'template' | 'file';
  /**
   * Strict decoding (default): a duplicate key is an error, as the API server's strict field
   * validation refuses it; otherwise a warning (the last value is used, as kubectl does).
   */
  readonly strict?: boolean;
}

export const PARSE_LIMITS = {
  /** Largest single YAML document accepted. */
  maxDocumentBytes: 8 * 1024 * 1024,
};

const SOURCE = /^[ \t]*#[ \t]*Source:[ \t]*(\S+)/;
/** A line allowed before the `# Source:` comment: blank, another comment, a document marker. */
const PREAMBLE = /^[ \t]*(?:#.*|---.*)?\r?$/;

/**
 * Helm's `# Source: <template>` line in the comments before a document's content. Only the
 * leading lines are read: a regular expression over the whole document cost 50 ms on the
 * third-party corpus, most of it in documents without the comment.
 */
function sourceComment(text: string): string | undefined {
  let start = 0;
  while (start < text.length) {
    const end = text.indexOf('\n', start);
    const line = text.slice(start, end === -1 ? text.length : end);
    const m = SOURCE.exec(line);
    if (m) return m[1];
    if (!PREAMBLE.test(line)) return undefined;
    if (end === -1) return undefined;
    start = end + 1;
  }
  return undefined;
}

function finding(
  ruleId: string,
  severity: Finding['severity'],
  message: string,
  where: { file: string; source?: string },
  position?: { line: number; column: number },
  scenario?: Scenario,
): Finding {
  return {
    ruleId,
    severity,
    message,
    file: where.file,
    ...(where.source ? { source: where.source } : {}),
    ...(position ? { position } : {}),
    ...(scenario ? { scenario } : {}),
  };
}

function toResource(
  value: Record<string, unknown>,
  file: string,
  document: YamlDocumentSource,
  pointerPrefix: string,
  options: ParseOptions,
  refused: string | undefined,
): Resource {
  const object = value as KubeObject;
  const metadata = isObject(value.metadata) ? value.metadata : {};
  const namespace = typeof metadata.namespace === 'string' ? metadata.namespace : CLUSTER_SCOPED_KINDS.has(object.kind) ? undefined : options.defaultNamespace;
  return {
    object,
    ref: {
      apiVersion: object.apiVersion,
      kind: object.kind,
      name: typeof metadata.name === 'string' ? metadata.name : typeof metadata.generateName === 'string' ? `${metadata.generateName}*` : '',
      ...(namespace !== undefined ? { namespace } : {}),
    },
    file,
    document,
    pointerPrefix,
    ...(refused !== undefined ? { refused } : {}),
  };
}

/** Checks the signature (apiVersion and kind) kubeconform requires. */
function signatureProblem(value: Record<string, unknown>): string | undefined {
  const bom = Object.keys(value).find((k) => k.startsWith('\uFEFF'));
  const hint = bom ? ` (a byte order mark U+FEFF precedes the key "${bom.slice(1)}" inside the stream; Kubernetes reads it as part of the key)` : '';
  if (typeof value.kind !== 'string' || value.kind === '') return `missing 'kind' key${hint}`;
  if (typeof value.apiVersion !== 'string' || value.apiVersion === '') return `missing 'apiVersion' key${hint}`;
  return undefined;
}

export function parseManifests(input: ManifestInput, scenario?: Scenario, options: ParseOptions = {}): ParsedManifests {
  const resources: Resource[] = [];
  const findings: Finding[] = [];
  for (const parsed of parseManifestDocuments(input, scenario, options)) {
    resources.push(...parsed.resources);
    findings.push(...parsed.findings);
  }
  return { resources, findings };
}

/**
 * The resources and findings of a manifest file, one document at a time: a caller that does
 * not keep resources holds one decoded document, not the file's (streamed, as kubeconform does).
 */
export function* parseManifestDocuments(input: ManifestInput, scenario?: Scenario, options: ParseOptions = {}): Generator<ParsedManifests> {
  const fileOnly = { file: input.file };
  const nul = input.text.indexOf('\u0000');
  if (nul >= 0) {
    const line = input.text.slice(0, nul).split('\n').length;
    yield {
      resources: [],
      findings: [finding('parse/binary', 'error', 'the input holds binary data (a NUL byte), not YAML', fileOnly, { line, column: 1 }, scenario)],
    };
    return;
  }
  const text: ManifestText = {
    text: input.text,
    invalidUtf8Lines: input.invalidUtf8Lines ?? [],
    ...(input.refused !== undefined ? { refused: input.refused } : {}),
  };
  let index = 0;
  for (const event of decodeStream(text)) yield parseDocument(event, event.kind === 'separator-error' ? -1 : index++, input, scenario, options);
}

function parseDocument(
  event: StreamEvent,
  documentIndex: number,
  input: ManifestInput,
  scenario: Scenario | undefined,
  options: ParseOptions,
): ParsedManifests {
  const resources: Resource[] = [];
  const findings: Finding[] = [];
  const fileOnly = { file: input.file };
  if (event.kind === 'separator-error') {
    findings.push(
      finding(
        'parse/invalid-separator',
        'error',
        `invalid document separator "${event.line}": after --- only spaces or a comment may follow (Kubernetes refuses the stream here)`,
        fileOnly,
        { line: event.lineNumber, column: 1 },
        scenario,
      ),
    );
    return { resources, findings };
  }
  const template = sourceComment(event.text);
  const where = options.naming === 'template' ? { file: template ?? input.file } : { file: input.file, ...(template ? { source: template } : {}) };
  if (Buffer.byteLength(event.text) > PARSE_LIMITS.maxDocumentBytes) {
    findings.push(
      finding(
        'parse/too-large',
        'error',
        `a YAML document larger than ${PARSE_LIMITS.maxDocumentBytes / 1024 / 1024} MiB was refused`,
        where,
        { line: event.startLine, column: 1 },
        scenario,
      ),
    );
    return { resources, findings };
  }
  const result = event.result;
  if (!result.ok) {
    findings.push(
      finding(`parse/${result.error.code}`, 'error', result.error.message, where, result.error.position ?? { line: event.startLine, column: 1 }, scenario),
    );
    return { resources, findings };
  }
  const strict = options.strict ?? true;
  const refused = strict && result.duplicates.length > 0 ? `a key is written twice (${result.duplicates.map((d) => d.key).join(', ')})` : undefined;
  for (const duplicate of result.duplicates) {
    const message = strict
      ? `key "${duplicate.key}" is written twice in one map; strict field validation refuses duplicate fields (--no-strict: a warning, the last value is used)`
      : `key "${duplicate.key}" is written twice in one map; the last value is used (strict field validation would refuse it)`;
    findings.push(finding('parse/duplicate-key', strict ? 'error' : 'warning', message, where, duplicate.position, scenario));
  }
  const value = result.value;
  if (value === null || value === undefined) return { resources, findings };
  const document: YamlDocumentSource = {
    file: input.file,
    text: event.text,
    value,
    index: documentIndex,
    ...(template ? { comment: `Source: ${template}` } : {}),
    positionOf: (p) => result.positionOf(p),
  };
  const position = () => document.positionOf('') ?? { line: event.startLine, column: 1 };
  if (!isObject(value)) {
    findings.push(
      finding(
        'parse/not-an-object',
        'error',
        `a document is a ${Array.isArray(value) ? 'list' : typeof value}, not a Kubernetes object`,
        where,
        position(),
        scenario,
      ),
    );
    return { resources, findings };
  }
  const problem = signatureProblem(value);
  if (problem) {
    findings.push(finding('parse/missing-signature', 'error', problem, where, position(), scenario));
    return { resources, findings };
  }
  if (String(value.kind).toLowerCase() === 'list') {
    const items = Array.isArray(value.items) ? value.items : [];
    items.forEach((item, i) => {
      const itemPosition = document.positionOf(`/items/${i}`);
      if (!isObject(item)) {
        findings.push(finding('parse/not-an-object', 'error', `List item ${i} is not a Kubernetes object`, where, itemPosition, scenario));
        return;
      }
      const itemProblem = signatureProblem(item);
      if (itemProblem) findings.push(finding('parse/missing-signature', 'error', `List item ${i}: ${itemProblem}`, where, itemPosition, scenario));
      else resources.push(toResource(item, where.file, document, `/items/${i}`, options, refused));
    });
    return { resources, findings };
  }
  resources.push(toResource(value, where.file, document, '', options, refused));
  return { resources, findings };
}
