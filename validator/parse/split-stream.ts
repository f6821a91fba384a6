// Cuts a manifest stream into documents as Kubernetes clients do (kubectl, Helm's kube
// client): k8s.io/apimachinery/pkg/util/yaml's YAMLReader. A line that starts with `---`
// ends the document; after the `---` only spaces or a comment may follow, anything else
// (`---apiVersion: v1`, `---------`, `--- |`) is an invalid separator that Kubernetes refuses.
// `...` is not a separator there: it ends the YAML document, and go-yaml reads only the first
// document of a chunk. A `---` line met while no document is open (at the start, or right
// after another `---`) is kept as the first line of the next chunk, as YAMLReader does.
// Line numbers are kept, so findings point into the file.

export interface StreamChunk {
  readonly kind: 'document';
  readonly text: string;
  /** 1-based line of the chunk's first line in the stream. */
  readonly startLine: number;
}

export interface SeparatorError {
  readonly kind: 'separator-error';
  /** The separator line as written. */
  readonly line: string;
  readonly lineNumber: number;
  /** What follows the `---`, as YAMLReader's message shows it. */
  readonly trailing: string;
}

export type StreamPart = StreamChunk | SeparatorError;

/** Go's unicode.IsSpace set (strings.TrimSpace); unlike JavaScript's trim, not U+FEFF. */
const GO_SPACE = '[\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
const GO_TRIM = new RegExp(`^${GO_SPACE}+|${GO_SPACE}+$`, 'g');

export function splitStream(text: string): StreamPart[] {
  const parts: StreamPart[] = [];
  let start = 0;
  let startLine = 1;
  let line = 1;
  let pos = 0;
  const flush = (end: number) => {
    if (end > start) parts.push({ kind: 'document', text: text.slice(start, end), startLine });
  };
  while (pos < text.length) {
    const next = text.indexOf('\n', pos);
    const lineEnd = next === -1 ? text.length : next;
    const after = next === -1 ? text.length : next + 1;
    if (text.startsWith('---', pos)) {
      const trailing = text.slice(pos + 3, lineEnd).replace(GO_TRIM, '');
      if (trailing !== '' && !trailing.startsWith('#')) {
        flush(pos);
        parts.push({ kind: 'separator-error', line: text.slice(pos, lineEnd).replace(/\r$/, ''), lineNumber: line, trailing });
        start = after;
        startLine = line + 1;
      } else if (pos > start) {
        flush(pos);
        start = after;
        startLine = line + 1;
      }
    }
    pos = after;
    line += 1;
  }
  flush(text.length);
  return parts;
}
