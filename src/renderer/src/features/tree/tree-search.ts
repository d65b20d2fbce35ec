/** What a search on the Tree page finds: nodes by name or clade, sequences by id. */
import type { TreeView } from '../../../../shared/tree-types';
import type { Highlight } from './tree-render';

export function searchTree(view: TreeView, text: string, selected: number | null): Highlight {
  const query = text.trim().toLowerCase();
  if (query === '') return { nodes: new Set(), placed: new Set(), selected };
  const nodes = new Set<number>();
  view.names.forEach((name, node) => {
    const clade = view.clades[view.clade[node]!]!.toLowerCase();
    if (name.toLowerCase().includes(query) || clade === query) nodes.add(node);
  });
  const placed = new Set<number>();
  view.placed.forEach((p, i) => {
    if (p.seqId.toLowerCase().includes(query) || p.clade.toLowerCase() === query) placed.add(i);
  });
  return { nodes, placed, selected };
}
