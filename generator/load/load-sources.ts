// Stage 1, load: read the values schema and the chart metadata with their positions.
// The only file reading of the pipeline's front half.
import fs from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../../core/diagnostic.ts';
import { parseSingleYamlDocument, type YamlDocumentSource } from '../../core/yaml-source.ts';
import { type DefinitionsSource, loadDefinitionsSource } from '../kubernetes/definitions-source.ts';
import { CHANGELOG_FILE, CHART_META_FILE, SCHEMA_FILE } from '../layout.ts';

export interface LoadedSources {
  readonly schema: YamlDocumentSource;
  readonly chartMeta: YamlDocumentSource;
  readonly changelog: YamlDocumentSource;
  /** The Kubernetes definitions values may refer to (`$ref`). */
  readonly definitions: DefinitionsSource;
}

export interface LoadResult {
  readonly sources?: LoadedSources;
  readonly diagnostics: readonly Diagnostic[];
  /** Raw texts by project-relative file, for quoting in error messages. */
  readonly texts: ReadonlyMap<string, string>;
}

function readOne(root: string, file: string, texts: Map<string, string>, diagnostics: Diagnostic[]) {
  let text: string;
  try {
    text = fs.readFileSync(path.join(root, file), 'utf8');
  } catch (error) {
    diagnostics.push({ code: 'load/unreadable', severity: 'error', file, message: (error as Error).message });
    return undefined;
  }
  texts.set(file, text);
  const parsed = parseSingleYamlDocument(file, text);
  diagnostics.push(...parsed.diagnostics);
  return parsed.document;
}

export function loadSources(root: string): LoadResult {
  const texts = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  const schema = readOne(root, SCHEMA_FILE, texts, diagnostics);
  const chartMeta = readOne(root, CHART_META_FILE, texts, diagnostics);
  const changelog = readOne(root, CHANGELOG_FILE, texts, diagnostics);
  const definitions = loadDefinitionsSource(root);
  diagnostics.push(...definitions.diagnostics);
  if (!schema || !chartMeta || !changelog || !definitions.source) return { diagnostics, texts };
  return { sources: { schema, chartMeta, changelog, definitions: definitions.source }, diagnostics, texts };
}
