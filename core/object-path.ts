// Reading a field of parsed YAML or JSON by a dotted path (`spec.selector.matchLabels`).

/** The value at `dotted` under `object`, or undefined where a step is missing or not an object. */
export function get(object: unknown, dotted: string): unknown {
  let current = object;
  for (const key of dotted.split('.')) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
