/** A reference tree as the Tree page draws it, with a run's placed sequences. */
import type { PlacedOnTree, TreeView } from '../../shared/tree-types';
import type { TreePlacement } from '../../shared/classify-types';
import { privateNucMutations } from '../../shared/tree-placement';
import { numericAttribute } from './auspice';
import type { ReferenceTree } from './reference-tree';

export function treeView(
  pathogenId: string,
  tree: ReferenceTree,
  placed: readonly { id: string; placement: TreePlacement; label: string | null }[],
  classificationId: number | null,
): TreeView {
  const { nodes } = tree.auspice;
  const cladeIndex = new Map<string, number>();
  const clade = tree.clade.map((c) => {
    if (!cladeIndex.has(c)) cladeIndex.set(c, cladeIndex.size);
    return cladeIndex.get(c)!;
  });
  // Divergence as given (Nextclade trees carry `div`), else mutations from the root.
  const div: number[] = [];
  nodes.forEach((node, i) => {
    const given = numericAttribute(node, 'div');
    const parentDiv = node.parent < 0 ? 0 : div[node.parent]!;
    div[i] = given ?? parentDiv + (node.mutations.nuc?.length ?? 0);
  });
  const nodeOf = new Map(tree.names.map((name, i) => [name, i]));
  const attached: PlacedOnTree[] = [];
  for (const { id, placement, label } of placed) {
    const node = nodeOf.get(placement.node);
    if (node === undefined) continue;
    attached.push({
      seqId: id,
      node,
      clade: placement.clade,
      privateMutations: privateNucMutations(placement),
      label,
    });
  }
  return {
    pathogenId,
    names: tree.names,
    parent: Array.from(tree.parent),
    div,
    clade,
    clades: [...cladeIndex.keys()],
    mutations: nodes.map((n) => n.mutations.nuc ?? []),
    placed: attached,
    classificationId,
  };
}
