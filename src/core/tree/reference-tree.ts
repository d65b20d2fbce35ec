/**
 * A reference tree ready for placement: its nodes in pre-order, each node's full state (its
 * nucleotide differences from the reference, root to node, sorted by position), its clade
 * and its placement prior. Every branch mutation is checked against its parent's state, so
 * a tree that does not fit the reference is refused with the node and the mutation at fault.
 */
import { InvalidInputError } from '../errors';
import {
  nodeAttribute,
  numericAttribute,
  readAuspiceTree,
  type AuspiceNode,
  type AuspiceTree,
} from './auspice';

/** Node-state entries over all nodes beyond which a tree is refused (~1 GB of states). */
export const MAX_STATE_ENTRIES = 200_000_000;
/** The node attribute that holds the clade, as Nextclade reads it. */
export const CLADE_ATTRIBUTE = 'clade_membership';
const MUTATION = /^([A-Z*-])(\d+)([A-Z*-])$/;

export interface ReferenceTree {
  size: number;
  names: string[];
  /** Pre-order index of the parent; -1 for the root. */
  parent: Int32Array;
  depth: Int32Array;
  isTip: Uint8Array;
  /** `clade_membership` of each node ('' when it has none). */
  clade: string[];
  /** `placement_prior` (log scale, higher is likelier); NaN where absent. */
  prior: Float64Array;
  /** Node i's state is entries stateStart[i] .. stateStart[i+1]-1 of statePos/stateAlt. */
  stateStart: Uint32Array;
  /** 1-based reference positions, increasing within a node. */
  statePos: Uint32Array;
  /** The node's base there (char code: A, C, G, T, '-' for a deletion, or another IUPAC code). */
  stateAlt: Uint8Array;
  referenceLength: number;
  /** The tree as read, for export. */
  auspice: AuspiceTree;
}

interface BranchMutation {
  position: number;
  from: number;
  to: number;
}

function branchMutations(
  node: AuspiceNode,
  referenceLength: number,
  file: string,
): BranchMutation[] {
  const list = node.mutations.nuc ?? [];
  const parsed = list.map((text) => {
    const match = MUTATION.exec(text);
    const position = match ? Number(match[2]) : NaN;
    if (!match || !Number.isSafeInteger(position) || position < 1 || position > referenceLength)
      throw new InvalidInputError(
        `${file}: node '${node.name}': nucleotide mutation '${text}' is not REF<position>ALT within the reference (1..${referenceLength})`,
      );
    return { position, from: match[1]!.charCodeAt(0), to: match[3]!.charCodeAt(0) };
  });
  parsed.sort((a, b) => a.position - b.position);
  for (let i = 1; i < parsed.length; i++)
    if (parsed[i]!.position === parsed[i - 1]!.position)
      throw new InvalidInputError(
        `${file}: node '${node.name}': two mutations at position ${parsed[i]!.position}`,
      );
  return parsed;
}

/** Growable state storage: one node's entries are appended at a time. */
class StateBuilder {
  pos = new Uint32Array(1 << 16);
  alt = new Uint8Array(1 << 16);
  length = 0;

  push(position: number, base: number): void {
    if (this.length === this.pos.length) {
      if (this.length >= MAX_STATE_ENTRIES) throw new RangeError('state entries');
      const pos = new Uint32Array(this.length * 2);
      const alt = new Uint8Array(this.length * 2);
      pos.set(this.pos);
      alt.set(this.alt);
      this.pos = pos;
      this.alt = alt;
    }
    this.pos[this.length] = position;
    this.alt[this.length++] = base;
  }
}

/**
 * Appends a node's state: its parent's state (entries `from`..`to` of `states`) merged with
 * the branch's mutations, each checked against the parent's base. A mutation back to the
 * reference base drops the entry.
 */
function appendState(
  states: StateBuilder,
  parentRange: [number, number],
  mutations: readonly BranchMutation[],
  reference: string,
  where: (mutation: BranchMutation, parentBase: number) => string,
): void {
  const end = parentRange[1];
  let read = parentRange[0];
  for (const mutation of mutations) {
    while (read < end && states.pos[read]! < mutation.position) {
      states.push(states.pos[read]!, states.alt[read]!);
      read++;
    }
    const inherited = read < end && states.pos[read] === mutation.position;
    const referenceBase = reference.charCodeAt(mutation.position - 1);
    const parentBase = inherited ? states.alt[read]! : referenceBase;
    if (inherited) read++;
    if (parentBase !== mutation.from) throw new InvalidInputError(where(mutation, parentBase));
    if (mutation.to !== referenceBase) states.push(mutation.position, mutation.to);
  }
  for (; read < end; read++) states.push(states.pos[read]!, states.alt[read]!);
}

function checkRootSequence(tree: AuspiceTree, reference: string, file: string): void {
  const roots = tree.document.root_sequence as Record<string, unknown> | undefined;
  const nuc = roots && typeof roots === 'object' ? roots.nuc : undefined;
  if (typeof nuc !== 'string') return;
  const root = nuc.toUpperCase();
  if (root === reference) return;
  let at = 0;
  while (at < root.length && at < reference.length && root[at] === reference[at]) at++;
  throw new InvalidInputError(
    `${file}: the tree's root sequence does not match the reference (${root.length} nt against ${reference.length} nt; first difference at position ${at + 1})`,
  );
}

/** Node states of every node, pre-order. */
function buildStates(
  tree: AuspiceTree,
  reference: string,
  file: string,
): { stateStart: Uint32Array; states: StateBuilder } {
  const { nodes } = tree;
  const stateStart = new Uint32Array(nodes.length + 1);
  const states = new StateBuilder();
  const letter = (code: number): string => String.fromCharCode(code);
  try {
    nodes.forEach((node, index) => {
      const parentRange: [number, number] =
        node.parent < 0 ? [0, 0] : [stateStart[node.parent]!, stateStart[node.parent + 1]!];
      stateStart[index] = states.length;
      appendState(
        states,
        parentRange,
        branchMutations(node, reference.length, file),
        reference,
        (m, base) =>
          node.parent < 0
            ? `${file}: the tree's root does not match the reference: root mutation ${letter(m.from)}${m.position}${letter(m.to)}, but the reference has ${letter(base)} at ${m.position}`
            : `${file}: node '${node.name}': mutation ${letter(m.from)}${m.position}${letter(m.to)}, but its parent '${nodes[node.parent]!.name}' has ${letter(base)} at ${m.position}`,
      );
      stateStart[index + 1] = states.length;
    });
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new InvalidInputError(
      `${file}: the node states exceed ${MAX_STATE_ENTRIES.toLocaleString('en-US')} entries`,
    );
  }
  return { stateStart, states };
}

/**
 * Builds the placement tree from Auspice v2 text and the pathogen's reference.
 * @throws InvalidInputError naming the file, node and mutation when the tree does not fit
 */
export function buildReferenceTree(text: string, reference: string, file: string): ReferenceTree {
  const auspice = readAuspiceTree(text, file);
  checkRootSequence(auspice, reference, file);
  const { nodes } = auspice;
  const { stateStart, states } = buildStates(auspice, reference, file);
  const size = nodes.length;
  const isTip = new Uint8Array(size).fill(1);
  for (const node of nodes) if (node.parent >= 0) isTip[node.parent] = 0;
  return {
    size,
    names: nodes.map((n) => n.name),
    parent: Int32Array.from(nodes, (n) => n.parent),
    depth: Int32Array.from(nodes, (n) => n.depth),
    isTip,
    clade: nodes.map((n) => nodeAttribute(n, CLADE_ATTRIBUTE) ?? ''),
    prior: Float64Array.from(nodes, (n) => numericAttribute(n, 'placement_prior') ?? NaN),
    stateStart,
    statePos: states.pos.slice(0, states.length),
    stateAlt: states.alt.slice(0, states.length),
    referenceLength: reference.length,
    auspice,
  };
}

/** A node's state as `REF<pos>ALT` strings (tests and reports). */
export function nodeMutations(tree: ReferenceTree, node: number, reference: string): string[] {
  const out: string[] = [];
  for (let i = tree.stateStart[node]!; i < tree.stateStart[node + 1]!; i++) {
    const position = tree.statePos[i]!;
    out.push(`${reference[position - 1]}${position}${String.fromCharCode(tree.stateAlt[i]!)}`);
  }
  return out;
}
