// chart/values.yaml: the defaults, each key preceded by its schema description, with a
// yaml-language-server modeline first so editors validate and complete against the schema.
import { Document, isMap, isScalar, type YAMLMap } from 'yaml';
import type { ChartModel, ValueNode } from '../model/chart-model.ts';
import type { RenderedFile } from './rendered-file.ts';

export const VALUES_MODELINE = '# yaml-language-server: $schema=values.schema.json';
const WIDTH = 96;

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

function annotate(map: YAMLMap, nodes: readonly ValueNode[], depth: number): void {
  nodes.forEach((node, i) => {
    const pair = map.items.find((p) => isScalar(p.key) && p.key.value === node.key);
    if (!pair || !isScalar(pair.key)) return;
    const text = wrap(`${node.key} -- ${node.description}`, WIDTH - 2 * depth);
    pair.key.commentBefore = text.map((l) => ` ${l}`).join('\n');
    if (depth === 0 && i > 0) pair.key.spaceBefore = true;
    if (node.kind === 'object' && isMap(pair.value)) annotate(pair.value, node.children, depth + 1);
  });
}

export function renderValuesYaml(model: ChartModel): RenderedFile {
  const doc = new Document(model.defaults);
  if (isMap(doc.contents)) annotate(doc.contents, model.values, 0);
  const body = doc.toString({ lineWidth: 0, indentSeq: true });
  return {
    path: 'chart/values.yaml',
    content: `${VALUES_MODELINE}\n${body}`,
    commentStyle: 'hash',
    sources: [model.schemaFile],
  };
}
