/**
 * A reference tree with the analyst's sequences attached to their placement nodes, written
 * as Auspice v2 JSON (opens in auspice.us, as Nextclade's output tree does) or as Newick.
 * Each sequence becomes a new tip under its node, its branch carrying its private mutations.
 */
import type { TreePlacement } from '../../shared/classify-types';
import { privateNucMutations } from '../../shared/tree-placement';
import type { ReferenceTree } from './reference-tree';

export type TreeFormat = 'auspice' | 'newick';

export interface PlacedSequence {
  id: string;
  placement: TreePlacement;
}

/** The node attribute that marks the attached sequences (Nextclade's name for it). */
const NODE_TYPE = 'Node type';

interface JsonNode {
  name: string;
  node_attrs?: Record<string, unknown>;
  branch_attrs?: Record<string, unknown>;
  children?: JsonNode[];
}

/** The private mutations in position order, as a branch lists them. */
function privateList(placement: TreePlacement): string[] {
  return privateNucMutations(placement).sort(
    (a, b) => Number(a.slice(1, -1)) - Number(b.slice(1, -1)),
  );
}

/** Names made unique against the tree's and each other's (`id`, then `id (2)`, ...). */
function uniqueNames(tree: ReferenceTree, queries: readonly PlacedSequence[]): string[] {
  const taken = new Set(tree.names);
  return queries.map(({ id }) => {
    let name = id;
    for (let n = 2; taken.has(name); n++) name = `${id} (${n})`;
    taken.add(name);
    return name;
  });
}

/** The queries under each node, by node name. */
function attachments(tree: ReferenceTree, queries: readonly PlacedSequence[]) {
  const names = uniqueNames(tree, queries);
  const byNode = new Map<string, { name: string; placement: TreePlacement }[]>();
  queries.forEach(({ placement }, i) => {
    const list = byNode.get(placement.node) ?? [];
    list.push({ name: names[i]!, placement });
    byNode.set(placement.node, list);
  });
  return byNode;
}

function queryNode(name: string, placement: TreePlacement, parentDiv: number): JsonNode {
  const mutations = privateList(placement);
  return {
    name,
    node_attrs: {
      div: parentDiv + mutations.length,
      clade_membership: { value: placement.clade },
      [NODE_TYPE]: { value: 'New' },
      placement_distance: { value: placement.distance },
      placement_nodes_at_best: { value: placement.nodesAtBest },
    },
    branch_attrs: { mutations: { nuc: mutations } },
  };
}

/**
 * Auspice v2 JSON: the tree as read (meta, root sequence, every node and attribute kept)
 * with each sequence a new tip under its node, and a `Node type` coloring (New / Reference).
 */
export function auspiceWithQueries(
  tree: ReferenceTree,
  queries: readonly PlacedSequence[],
): string {
  const document = structuredClone(tree.auspice.document) as Record<string, unknown> & {
    tree: JsonNode;
    meta?: { colorings?: { key: string }[] };
  };
  const byNode = attachments(tree, queries);
  // Iterative: a deep tree must not overflow the stack.
  const stack: JsonNode[] = [document.tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const child of node.children ?? []) stack.push(child);
    const attached = byNode.get(node.name);
    if (!attached) continue;
    const div = typeof node.node_attrs?.div === 'number' ? node.node_attrs.div : 0;
    node.children = [
      ...(node.children ?? []),
      ...attached.map(({ name, placement }) => queryNode(name, placement, div)),
    ];
  }
  const meta = (document.meta ??= {});
  const colorings = (meta.colorings ??= []);
  if (!colorings.some((c) => c.key === NODE_TYPE))
    colorings.push({ key: NODE_TYPE, title: 'Node type', type: 'categorical' } as { key: string });
  return `${JSON.stringify(document)}\n`;
}

/** A Newick label: quoted (with '' for ') when it holds anything Newick gives a meaning. */
function newickLabel(name: string): string {
  return /^[^\s()[\]':;,]+$/.test(name) ? name : `'${name.replaceAll("'", "''")}'`;
}

/**
 * Newick: branch lengths in nucleotide mutations (the branch's for tree nodes, the private
 * mutations for the sequences), written without recursion.
 */
export function newickWithQueries(tree: ReferenceTree, queries: readonly PlacedSequence[]): string {
  const byNode = attachments(tree, queries);
  const children: number[][] = Array.from({ length: tree.size }, () => []);
  for (let node = 1; node < tree.size; node++) children[tree.parent[node]!]!.push(node);
  const branch = (node: number): number => tree.auspice.nodes[node]!.mutations.nuc?.length ?? 0;
  const parts: string[] = [];
  // Frames: a node to open, or a closing step with the text that follows its children.
  const stack: ({ open: number } | { close: string })[] = [{ open: 0 }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    if ('close' in frame) {
      parts.push(frame.close);
      continue;
    }
    const node = frame.open;
    const attached = (byNode.get(tree.names[node]!) ?? []).map(
      ({ name, placement }) => `${newickLabel(name)}:${privateList(placement).length}`,
    );
    const label = `${newickLabel(tree.names[node]!)}${node === 0 ? '' : `:${branch(node)}`}`;
    const kids = children[node]!;
    if (kids.length === 0 && attached.length === 0) {
      parts.push(label);
      continue;
    }
    parts.push('(');
    const tail = `${attached.length > 0 && kids.length > 0 ? ',' : ''}${attached.join(',')})${label}`;
    stack.push({ close: tail });
    for (let i = kids.length - 1; i >= 0; i--) {
      stack.push({ open: kids[i]! });
      if (i > 0) stack.push({ close: ',' });
    }
  }
  return `${parts.join('')};\n`;
}

export function treeWithQueries(
  tree: ReferenceTree,
  queries: readonly PlacedSequence[],
  format: TreeFormat,
): string {
  return format === 'newick' ? newickWithQueries(tree, queries) : auspiceWithQueries(tree, queries);
}
