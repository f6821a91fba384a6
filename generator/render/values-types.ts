// schema/values.generated.ts: the `Values` type, by json-schema-to-typescript.
import { compile } from 'json-schema-to-typescript';
import { TYPES_FILE } from '../layout.ts';
import type { ChartModel } from '../model/chart-model.ts';
import type { RenderedFile } from './rendered-file.ts';

/**
 * Draft-07 ignores keywords beside a `$ref`; json-schema-to-typescript would instead declare a
 * second copy of the referenced type for each different sibling description (`LabelSelector1`).
 */
function refsAlone(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(refsAlone);
  if (typeof node !== 'object' || node === null) return node;
  const record = node as Record<string, unknown>;
  if (typeof record.$ref === 'string') return { $ref: record.$ref };
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, refsAlone(v)]));
}

export async function renderValuesTypes(model: ChartModel): Promise<RenderedFile> {
  const published = structuredClone(model.publishedSchema) as Record<string, unknown>;
  if (published.definitions !== undefined) published.definitions = refsAlone(published.definitions);
  const schema = published as Parameters<typeof compile>[0];
  const content = await compile(schema, 'Values', {
    bannerComment: '',
    additionalProperties: false,
    strictIndexSignatures: true,
    unknownAny: true,
    ignoreMinAndMaxItems: true,
    format: true,
    cwd: process.cwd(),
  });
  return { path: TYPES_FILE, content, commentStyle: 'slash', sources: [model.schemaFile] };
}
