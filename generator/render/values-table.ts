// The rows of the values reference table (chart/README.md): one per value that is not an
// object of declared properties, in schema order.
import type { ValueNode } from '../model/chart-model.ts';

export interface ValuesTableRow {
  readonly key: string;
  readonly type: string;
  readonly default: string;
  readonly description: string;
}

export function valuesTableRows(nodes: readonly ValueNode[]): ValuesTableRow[] {
  const rows: ValuesTableRow[] = [];
  for (const node of nodes) {
    if (node.kind === 'object') {
      rows.push(...valuesTableRows(node.children));
      continue;
    }
    rows.push({
      key: node.path.join('.'),
      type: node.typeLabel,
      default: JSON.stringify(node.default),
      description: node.description,
    });
  }
  return rows;
}
