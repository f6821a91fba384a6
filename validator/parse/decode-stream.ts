// A manifest stream → its documents decoded as Kubernetes clients decode them: cut with
// YAMLReader's rules (split-stream.ts), each chunk decoded on its own (decode-yaml.ts).
// A generator, so callers can handle one document at a time.
import { type DecodeOptions, type DecodeResult, decodeYamlDocument } from './decode-yaml.ts';
import type { ManifestText } from './manifest-text.ts';
import { type SeparatorError, splitStream } from './split-stream.ts';

export interface StreamDocument {
  readonly kind: 'document';
  readonly text: string;
  /** 1-based line of the chunk's first line in the stream. */
  readonly startLine: number;
  readonly result: DecodeResult;
}

export type StreamEvent = StreamDocument | SeparatorError;

/** The first line holding invalid UTF-8 within a chunk (lines are counted only when some are). */
function invalidLineIn(text: string, startLine: number, invalidLines: readonly number[]): number | undefined {
  const endLine = startLine + (text.match(/\n/g)?.length ?? 0) - (text.endsWith('\n') ? 1 : 0);
  return invalidLines.find((l) => l >= startLine && l <= endLine);
}

export function* decodeStream(input: ManifestText, options: Pick<DecodeOptions, 'parser'> = {}): Generator<StreamEvent> {
  if (input.refused !== undefined) {
    yield {
      kind: 'document',
      text: '',
      startLine: 1,
      result: { ok: false, error: { code: 'encoding', message: input.refused, position: { line: 1, column: 1 } } },
    };
    return;
  }
  for (const part of splitStream(input.text)) {
    if (part.kind === 'separator-error') {
      yield part;
      continue;
    }
    const badLine = input.invalidUtf8Lines.length === 0 ? undefined : invalidLineIn(part.text, part.startLine, input.invalidUtf8Lines);
    const result: DecodeResult =
      badLine !== undefined
        ? { ok: false, error: { code: 'encoding', message: 'invalid UTF-8 (a byte sequence that is not UTF-8)', position: { line: badLine, column: 1 } } }
        : decodeYamlDocument(part.text, { lineOffset: part.startLine - 1, ...options });
    yield { kind: 'document', text: part.text, startLine: part.startLine, result };
  }
}
