// schema/values.generated.ts: the `Values` type, by json-schema-to-typescript.
import { compile } from 'json-schema-to-typescript';
import { TYPES_FILE } from '../layout.ts';
import type { ChartModel } from '../model/chart-model.ts';
import type { RenderedFile } from './rendered-file.ts';

export async function renderValuesTypes(model: ChartModel): Promise<RenderedFile> {
  const schema = structuredClone(model.publishedSchema) as Parameters<typeof compile>[0];
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
