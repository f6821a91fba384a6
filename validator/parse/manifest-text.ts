// A manifest file's bytes → text, as go-yaml reads them: UTF-8 (a byte order mark is
// skipped). UTF-16 is refused: kubectl's line splitter breaks it. Invalid UTF-8 is not
// replaced silently: the lines holding it are listed, and the documents on them are refused
// (go-yaml: "invalid leading UTF-8 octet"), while the rest of the file is still read.

export interface ManifestText {
  /** Set when the bytes cannot be read as Kubernetes clients would (UTF-16). */
  readonly refused?: string;
  readonly text: string;
  /** 1-based lines holding bytes that are not UTF-8. */
  readonly invalidUtf8Lines: readonly number[];
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Lines (1-based) that hold a byte sequence that is not UTF-8. */
function invalidLines(bytes: Uint8Array): number[] {
  const lines = new Set<number>();
  let line = 1;
  let i = 0;
  const continuation = (k: number) => k < bytes.length && ((bytes[k] ?? 0) & 0xc0) === 0x80;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    if (b === 0x0a) line += 1;
    let length = 0;
    if (b < 0x80) length = 1;
    else if (b >= 0xc2 && b <= 0xdf) length = 2;
    else if (b >= 0xe0 && b <= 0xef) length = 3;
    else if (b >= 0xf0 && b <= 0xf4) length = 4;
    let ok = length > 0;
    for (let k = 1; ok && k < length; k++) ok = continuation(i + k);
    if (ok && length > 1) ok = strictUtf8Decodes(bytes.subarray(i, i + length));
    if (!ok) {
      lines.add(line);
      i += 1;
    } else i += length;
  }
  return [...lines];
}

function strictUtf8Decodes(sequence: Uint8Array): boolean {
  try {
    strictUtf8.decode(sequence);
    return true;
  } catch {
    return false;
  }
}

export function manifestText(bytes: Uint8Array): ManifestText {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    // kubectl's line splitter cuts UTF-16 at 0x0A bytes, so go-yaml meets half characters.
    return { text: '', invalidUtf8Lines: [], refused: 'the file is UTF-16 (a UTF-16 byte order mark); Kubernetes clients read manifests as UTF-8' };
  }
  try {
    return { text: strictUtf8.decode(bytes), invalidUtf8Lines: [] };
  } catch {
    return { text: new TextDecoder('utf-8').decode(bytes), invalidUtf8Lines: invalidLines(bytes) };
  }
}
