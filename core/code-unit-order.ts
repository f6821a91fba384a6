// The order bvchart sorts names in: by UTF-16 code units, as `<` compares strings. It is the
// same on every machine (localeCompare depends on the ICU locale, and loading ICU's collation
// data cost every validate run 7 MB of memory), and it is the order kubeconform walks a folder
// in (Go sorts names by bytes; the two orders differ only for characters past U+E000, which
// file names rarely hold).
export function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
