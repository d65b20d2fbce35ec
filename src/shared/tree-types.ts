/** What the Tree page draws: a pathogen's reference tree and a run's placed sequences. */

export interface TreeView {
  pathogenId: string;
  /** Nodes in pre-order (a parent before its children, the root first). */
  names: string[];
  /** Pre-order index of each node's parent; -1 for the root. */
  parent: number[];
  /** Divergence from the root in nucleotide mutations (the x of a rectangular layout). */
  div: number[];
  /** Index into `clades` of each node's clade_membership. */
  clade: number[];
  /** The tree's clades, in order of first appearance. */
  clades: string[];
  /** Each node's branch mutations (nucleotide, `REF<pos>ALT`). */
  mutations: string[][];
  /** The run's sequences attached to their placement nodes (empty without a run). */
  placed: PlacedOnTree[];
  /** The run shown, or null. */
  classificationId: number | null;
}

export interface PlacedOnTree {
  seqId: string;
  /** Index of the placement node. */
  node: number;
  /** The tree's call for the sequence. */
  clade: string;
  /** Private mutations against the node (reversions, substitutions, deletions). */
  privateMutations: string[];
  /** The model's label, or null when unassigned. */
  label: string | null;
}
