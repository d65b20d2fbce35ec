import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SequenceCalls } from '../../../src/shared/analysis-types';
import { createAligner } from '../../../src/core/analysis/align/aligner';
import { parseLabeledRows } from '../../../src/core/pathogens/labeled-mutations';
import { loadPathogen } from '../../../src/core/pathogens/load-pathogen';
import {
  PlacementIndex,
  queryFromCalls,
  type PlacementQuery,
} from '../../../src/core/tree/placement';
import { buildReferenceTree } from '../../../src/core/tree/reference-tree';
import { REFERENCE, smallTree, treeText } from './small-tree';

const code = (letter: string): number => letter.charCodeAt(0);

function query(mutations: Record<number, string>, uncovered: [number, number][] = []) {
  const positions = Object.keys(mutations)
    .map(Number)
    .sort((a, b) => a - b);
  return {
    positions,
    alts: positions.map((p) => code(mutations[p]!)),
    uncovered: uncovered.map(([start, end]) => ({ start, end })),
  } satisfies PlacementQuery;
}

const index = new PlacementIndex(
  buildReferenceTree(treeText(smallTree()), REFERENCE, 't.json'),
  REFERENCE,
);
const node = (name: string): number => index.tree.names.indexOf(name);

describe('PlacementIndex.place', () => {
  it('places a query on the node it matches exactly', () => {
    const placement = index.place(query({ 1: 'G', 6: 'T' }));
    expect(placement).toMatchObject({
      nodeName: 'A1',
      clade: 'cA',
      distance: 0,
      privateMutations: [],
      nodesAtBest: 1,
      cladeShares: [{ clade: 'cA', share: 1 }],
    });
  });

  it('does not count uncovered positions as mismatches, and breaks ties by the prior', () => {
    // Position 6 is N: A and A1 both fit; A1 has a placement prior, A none.
    const placement = index.place(query({ 1: 'G' }, [[6, 6]]));
    expect(placement.nodeName).toBe('A1');
    expect(placement.distance).toBe(0);
    expect(placement.nodesAtBest).toBe(2);
    expect(placement.privateMutations).toEqual([]);
  });

  it('breaks remaining ties by depth and reports the clade shares among the tied nodes', () => {
    // T at 3 only: the root (one mismatch) and B (misses T12C) are both at distance 1.
    const placement = index.place(query({ 3: 'T' }));
    expect(placement.nodeName).toBe('root');
    expect(placement.distance).toBe(1);
    expect(placement.nodesAtBest).toBe(2);
    expect(placement.cladeShares).toEqual([
      { clade: '', share: 0.5 },
      { clade: 'cB', share: 0.5 },
    ]);
  });

  it('scores D = M_node + M_query - 2 M_agree - M_disagree', () => {
    // Against B (G3T T12C): query 3T agrees, 12A disagrees, 5G is the query's own: D = 2.
    const q = query({ 3: 'T', 5: 'G', 12: 'A' });
    expect(index.place(q).distance).toBe(2);
    expect(index.place(q).nodeName).toBe('B');
    // Excluding B (a lineage the tree has not seen) leaves the root at 3.
    expect(index.place(q, (n) => n === node('B'))).toMatchObject({ nodeName: 'root', distance: 3 });
  });

  it('refuses to place when every node is excluded', () => {
    expect(() => index.place(query({}), () => true)).toThrow(RangeError);
  });
});

describe('PlacementIndex.privateMutations', () => {
  it('lists substitutions, deletions and reversions against the node, labeled where a clade carries them', () => {
    const q = query({ 1: 'G', 3: 'T', 5: '-', 10: 'A' });
    expect(index.privateMutations(q, node('A1'))).toEqual([
      { position: 3, from: 'G', to: 'T', kind: 'substitution', labeledClade: 'cB' },
      { position: 5, from: 'A', to: '-', kind: 'deletion', labeledClade: null },
      { position: 6, from: 'T', to: 'C', kind: 'reversion', labeledClade: null },
      { position: 10, from: 'C', to: 'A', kind: 'substitution', labeledClade: null },
    ]);
  });

  it('leaves out what the query does not cover', () => {
    const q = query({ 1: 'G', 10: 'A' }, [
      [6, 6],
      [9, 12],
    ]);
    expect(index.privateMutations(q, node('A1'))).toEqual([]);
  });
});

describe('queryFromCalls', () => {
  it('takes substitutions and deletions as differences and N, ambiguity and the ends as uncovered', () => {
    const calls = {
      alignmentStart: 2,
      alignmentEnd: 11,
      substitutions: [{ position: 6, refNuc: 'C', queryNuc: 'T' }],
      deletions: [{ start: 8, length: 2 }],
      missing: [{ start: 3, end: 4 }],
      ambiguous: [{ position: 5, code: 'R' }],
    } as SequenceCalls;
    expect(queryFromCalls(calls, 12)).toEqual({
      positions: [6, 8, 9],
      alts: [code('T'), code('-'), code('-')],
      uncovered: [
        { start: 1, end: 1 },
        { start: 3, end: 5 },
        { start: 12, end: 12 },
      ],
    });
  });
});

describe('placement on a shipped tree', () => {
  it('places aligned tip genomes with N runs back on their own tips', () => {
    // Influenza HA: its calls match the labels exactly (RSV-A's G duplication aligns ambiguously).
    const dir = join('resources', 'pathogens', 'flu-h3n2-ha');
    const pathogen = loadPathogen(dir);
    const reference = pathogen.reference.sequence;
    const tree = buildReferenceTree(
      readFileSync(join(dir, 'tree.json'), 'utf8'),
      reference,
      'tree.json',
    );
    const placer = new PlacementIndex(tree, reference);
    const aligner = createAligner(pathogen);
    const rows = parseLabeledRows(readFileSync(join(dir, 'labeled.tsv'), 'utf8'));
    for (const row of rows.filter((_, i) => i % 37 === 0)) {
      const bases = reference.split('');
      for (const m of row.mutations) bases[m.position - 1] = m.alt;
      // An N run in the middle, as sequencing dropouts leave them.
      bases.fill('N', 600, 700);
      const outcome = aligner.align(Buffer.from(bases.join('').replaceAll('-', '')));
      if (!outcome.ok) throw new Error(outcome.reason);
      const placement = placer.place(queryFromCalls(outcome.calls, reference.length));
      expect(placement.clade).toBe(row.clade);
      expect(placement.distance).toBe(0);
      expect(tree.names[placement.node] === row.name || placement.nodesAtBest > 1).toBe(true);
    }
  });
});
