// RE2 patterns (Kubernetes and CRD schemas are validated by Go's regexp, which is RE2) as
// JavaScript regular expressions with the `u` flag, which is stricter about escapes:
//   \Q...\E          a literal run          → each character escaped
//   \A, \z           start / end of text    → ^, $ (no `m` flag: the same meaning)
//   \_, \:, \@, ...  escaped punctuation     → the character itself (\- kept inside classes)
//   \pL              one-letter class       → \p{L}
//   \C               any byte               → [\s\S]
//   (?P<name>...)    named group            → (?<name>...)
//   [[:alpha:]]      POSIX classes          → their ranges
//   (?i) (?s) (?m)   inline flags           → flags of the whole expression
const SYNTAX = new Set([...'^$\\.*+?()[]{}|/']);
const POSIX: Readonly<Record<string, string>> = {
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  ascii: '\\x00-\\x7F',
  blank: '\\t ',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '!-~',
  lower: 'a-z',
  print: ' -~',
  punct: '!-\\/:-@\\[-`{-~',
  space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z',
  word: '0-9A-Za-z_',
  xdigit: '0-9A-Fa-f',
};

const escapeLiteral = (c: string) => (SYNTAX.has(c) || c === '-' ? `\\${c}` : c);

export function translateRe2(pattern: string): { source: string; flags: string } {
  let flags = '';
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] ?? '';
    if (c === '\\') {
      const n = pattern[i + 1] ?? '';
      i += 1;
      if (n === 'Q') {
        const end = pattern.indexOf('\\E', i + 1);
        const literal = pattern.slice(i + 1, end === -1 ? pattern.length : end);
        out += [...literal].map(escapeLiteral).join('');
        i = end === -1 ? pattern.length : end + 1;
      } else if (n === 'A' && !inClass) out += '^';
      else if (n === 'z' && !inClass) out += '$';
      else if (n === 'C') out += inClass ? '\\s\\S' : '[\\s\\S]';
      else if ((n === 'p' || n === 'P') && pattern[i + 1] !== '{') {
        out += `\\${n}{${pattern[i + 1] ?? ''}}`;
        i += 1;
      } else if (/[0-9A-Za-z]/.test(n) || SYNTAX.has(n) || (inClass && n === '-')) out += `\\${n}`;
      else out += n;
      continue;
    }
    if (inClass) {
      const posix = /^\[:(\^?)([a-z]+):\]/.exec(pattern.slice(i));
      if (posix && POSIX[posix[2] ?? ''] !== undefined && posix[1] === '') {
        out += POSIX[posix[2] ?? ''];
        i += posix[0].length - 1;
        continue;
      }
      if (c === ']') inClass = false;
      out += c;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      if (pattern[i + 1] === '^') out += pattern[++i];
      if (pattern[i + 1] === ']') out += `\\${pattern[++i]}`;
      continue;
    }
    if (pattern.startsWith('(?P<', i)) {
      out += '(?<';
      i += 3;
      continue;
    }
    const inline = /^\(\?([imsU]+)\)/.exec(pattern.slice(i));
    if (inline) {
      flags += (inline[1] ?? '').replace(/[^ims]/g, '');
      i += inline[0].length - 1;
      continue;
    }
    out += c;
  }
  return { source: out, flags };
}
