// Where a values key was set: the last `-f` file that sets it, else the chart's values.yaml
// (Helm layers them in that order). Findings and render errors carry these locations so a
// report, SARIF or the editor points at the line the user edits, not at the rendered output.
import fs from 'node:fs';
import path from 'node:path';
import { fromPointer, toPointer } from '../../core/diagnostic.ts';
import { isObject } from '../../core/is-object.ts';
import { parseSingleYamlDocument, type YamlDocumentSource } from '../../core/yaml-source.ts';
import type { ValuesLocation } from '../finding.ts';

/** A values key path as users write it: `image.tag`, `ingress.hosts[0].host`. */
export function keyPathOf(segments: readonly (string | number)[]): string {
  return segments.reduce<string>((acc, seg) => {
    const s = String(seg);
    if (typeof seg === 'number' || /^\d+$/.test(s)) return `${acc}[${s}]`;
    if (!/^[A-Za-z_][\w-]*$/.test(s)) return `${acc}[${JSON.stringify(s)}]`;
    return acc ? `${acc}.${s}` : s;
  }, '');
}

/** The inverse of keyPathOf: `a.b[0]["x.y"]` → ['a', 'b', 0, 'x.y']. */
export function keyPathSegments(keyPath: string): (string | number)[] {
  const out: (string | number)[] = [];
  const re = /([^.[\]]+)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]/g;
  for (let m = re.exec(keyPath); m; m = re.exec(keyPath)) {
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(Number(m[2]));
    else if (m[3] !== undefined) out.push(JSON.parse(`"${m[3]}"`) as string);
  }
  return out;
}

/** True when the value at `segments` is present in `root` (a null counts: the file sets it). */
function has(root: unknown, segments: readonly (string | number)[]): boolean {
  let node: unknown = root;
  for (const seg of segments) {
    if (Array.isArray(node)) {
      const i = Number(seg);
      if (!Number.isInteger(i) || i < 0 || i >= node.length) return false;
      node = node[i];
    } else if (isObject(node) && Object.hasOwn(node, String(seg))) {
      node = node[String(seg)];
    } else {
      return false;
    }
  }
  return true;
}

interface LoadedValuesFile {
  readonly file: string;
  readonly document?: YamlDocumentSource;
}

function load(file: string): LoadedValuesFile {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return { file };
  }
  const parsed = parseSingleYamlDocument(file, text);
  return parsed.document ? { file, document: parsed.document } : { file };
}

/** The values files of one render, in Helm's order (chart defaults first), with positions. */
export class ValuesOrigins {
  private constructor(
    private readonly layers: readonly LoadedValuesFile[],
    private readonly hasDefaults: boolean,
  ) {}

  /** `chart` is a chart folder (its values.yaml is the first layer) or an archive (no defaults layer). */
  static forRender(chart: string, valuesFiles: readonly string[]): ValuesOrigins {
    const defaults = path.join(chart, 'values.yaml');
    const hasDefaults = fs.existsSync(defaults) && fs.statSync(chart).isDirectory();
    const layers = [...(hasDefaults ? [defaults] : []), ...valuesFiles];
    return new ValuesOrigins(layers.map(load), hasDefaults);
  }

  /** The files, first to last (the last one wins). */
  get files(): readonly string[] {
    return this.layers.map((l) => l.file);
  }

  /** The parsed values of each file, first to last (undefined for an unreadable or invalid one). */
  get values(): readonly unknown[] {
    return this.layers.map((l) => l.document?.value);
  }

  /** True when `file` is the chart's own values.yaml (a default, not the user's choice). */
  isChartDefault(file: string): boolean {
    return this.hasDefaults && file === this.layers[0]?.file;
  }

  /** Where the key was set (the last layer that sets it), or undefined when no file sets it. */
  origin(segments: readonly (string | number)[]): ValuesLocation | undefined {
    const pointer = toPointer(segments);
    for (let i = this.layers.length - 1; i >= 0; i--) {
      const layer = this.layers[i];
      if (!layer?.document || !has(layer.document.value, segments)) continue;
      const position = layer.document.positionOf(pointer);
      return { file: layer.file, line: position?.line ?? 1, column: position?.column ?? 1, path: keyPathOf(segments) };
    }
    return undefined;
  }

  /** The origin of a key given as a path (`a.b[0]`) or a JSON Pointer (`/a/b/0`). */
  originOf(key: string): ValuesLocation | undefined {
    return this.origin(key.startsWith('/') ? fromPointer(key) : keyPathSegments(key));
  }
}
