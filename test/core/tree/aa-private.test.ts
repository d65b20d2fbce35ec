import { describe, expect, it } from 'vitest';
import { aaPrivateMutations } from '../../../src/core/tree/aa-private';
import type { PlacementQuery } from '../../../src/core/tree/placement';
import { buildReferenceTree } from '../../../src/core/tree/reference-tree';

/** A 30-nt reference with gene G at 1..30 (10 codons); root -> A (G:K2R) -> A1 (G:D5E). */
const REFERENCE = 'ATGAAAGCGTTTGATTGCCCGTAACCCGGG';
const GENES = [{ name: 'G', start: 1, end: 30, strand: '+' as const }];
const doc = {
  version: 'v2',
  tree: {
    name: 'root',
    children: [
      {
        name: 'A',
        branch_attrs: { mutations: { nuc: ['A5G'], G: ['K2R'] } },
        children: [{ name: 'A1', branch_attrs: { mutations: { nuc: ['T15A'], G: ['D5E'] } } }],
      },
    ],
  },
};
const tree = buildReferenceTree(JSON.stringify(doc), REFERENCE, 't.json');
const A1 = tree.names.indexOf('A1');
const covered: PlacementQuery = { positions: [], alts: [], uncovered: [] };

describe('aaPrivateMutations', () => {
  it("lists the sequence's amino-acid calls that differ from the node's state, deletions left out", () => {
    const calls = {
      aaSubstitutions: [
        { gene: 'G', codon: 2, refAa: 'K', queryAa: 'R' }, // the node's own: not private
        { gene: 'G', codon: 5, refAa: 'D', queryAa: 'E' }, // the node's own
        { gene: 'G', codon: 7, refAa: 'P', queryAa: 'S' },
      ],
      aaDeletions: [{ gene: 'G', codon: 9, refAa: 'P' }],
    };
    expect(aaPrivateMutations(tree, A1, calls, covered, GENES)).toEqual({
      substitutions: ['G:P7S'],
      reversions: [],
    });
  });

  it("reverts the node's changes the sequence lacks, only on codons it covers", () => {
    const calls = {
      aaSubstitutions: [{ gene: 'G', codon: 2, refAa: 'K', queryAa: 'R' }],
      aaDeletions: [],
    };
    expect(aaPrivateMutations(tree, A1, calls, covered, GENES).reversions).toEqual(['G:E5D']);
    // Codon 5 is bases 13-15: one of them not covered, no reversion is claimed.
    const gap: PlacementQuery = { ...covered, uncovered: [{ start: 14, end: 14 }] };
    expect(aaPrivateMutations(tree, A1, calls, gap, GENES).reversions).toEqual([]);
    // A codon of a gene the annotation does not have is not judged either.
    expect(aaPrivateMutations(tree, A1, calls, covered, []).reversions).toEqual([]);
  });
});
