import { describe, expect, it } from 'vitest';
import { findMosaic } from '../../../src/core/tree/mosaic';
import { PlacementIndex, type PlacementQuery } from '../../../src/core/tree/placement';
import { buildReferenceTree } from '../../../src/core/tree/reference-tree';
import { treePlacement } from '../../../src/core/tree/tree-placer';

const REFERENCE = 'A'.repeat(100);
/** Sites of P's mutations (5' half) and Q's (3' half); each A -> C or A -> G. */
const P_SITES = [5, 10, 15, 20, 25, 30, 35, 40];
const Q_SITES = [60, 65, 70, 75, 80, 85, 90, 95];

function node(name: string, clade: string, nuc: string[], children: object[] = []) {
  return {
    name,
    node_attrs: { clade_membership: { value: clade } },
    branch_attrs: { mutations: { nuc } },
    ...(children.length > 0 && { children }),
  };
}

/** root -> P (cP), P2 (cP, P plus one), Q (cQ), R (`recombinant`-clade tree when asked). */
function tree(withRecombinantClade = false) {
  const doc = {
    version: 'v2',
    tree: {
      name: 'root',
      children: [
        node(
          'P',
          'cP',
          P_SITES.map((p) => `A${p}C`),
          [node('P2', 'cP', ['A50T'])],
        ),
        node(
          'Q',
          'cQ',
          Q_SITES.map((p) => `A${p}G`),
        ),
        ...(withRecombinantClade ? [node('X', 'recombinant', ['A1T', 'A2T', 'A3T'])] : []),
      ],
    },
  };
  const built = buildReferenceTree(JSON.stringify(doc), REFERENCE, 't.json');
  return { tree: built, index: new PlacementIndex(built, REFERENCE) };
}

function query(mutations: [number, string][]): PlacementQuery {
  const sorted = [...mutations].sort((a, b) => a[0] - b[0]);
  return {
    positions: sorted.map(([p]) => p),
    alts: sorted.map(([, base]) => base.charCodeAt(0)),
    uncovered: [],
  };
}

const pPart = P_SITES.map((p): [number, string] => [p, 'C']);
const qPart = Q_SITES.map((p): [number, string] => [p, 'G']);

describe('findMosaic', () => {
  it("finds P's 5' half joined to Q's 3' half, with the switch between their sites", () => {
    const { tree: t, index } = tree();
    const q = query([...pPart, ...qPart]);
    const placement = index.place(q);
    const mosaic = findMosaic(index, q, placement.node, REFERENCE);
    expect(mosaic).not.toBeNull();
    expect(mosaic!.parents.map((n) => t.clade[n])).toEqual(['cP', 'cQ']);
    expect(mosaic!.breakpoints).toEqual([{ after: 40, before: 60 }]);
    expect(mosaic!.singleMismatches).toBe(8);
    expect(mosaic!.mosaicMismatches).toBe(0);
  });

  it('flags nothing for a genome of one clade with a few private mutations', () => {
    const { index } = tree();
    const q = query([...pPart, [70, 'T'], [88, 'G']]);
    expect(findMosaic(index, q, index.place(q).node, REFERENCE)).toBeNull();
  });

  it('needs each parent to explain enough sites of its own part', () => {
    const { index } = tree();
    // Only two of Q's sites: the mosaic saves too little over the single placement on P.
    const q = query([...pPart, ...qPart.slice(0, 2)]);
    expect(findMosaic(index, q, index.place(q).node, REFERENCE)).toBeNull();
  });

  it('takes no excluded node as a parent', () => {
    const { tree: t, index } = tree();
    const q = query([...pPart, ...qPart]);
    const q_ = t.names.indexOf('Q');
    const exclude = (n: number): boolean => n === q_;
    const placement = index.place(q, exclude);
    expect(findMosaic(index, q, placement.node, REFERENCE, undefined, exclude)).toBeNull();
  });
});

describe('treePlacement', () => {
  it("calls a mosaic `recombinant` where the tree has that clade, keeping the node's clade", () => {
    for (const withClade of [false, true]) {
      const { tree: t, index } = tree(withClade);
      const q = query([...pPart, ...qPart]);
      const placement = index.place(q);
      const mosaic = findMosaic(index, q, placement.node, REFERENCE);
      const report = treePlacement(t, placement, mosaic, withClade);
      expect(report.clade).toBe(withClade ? 'recombinant' : placement.clade);
      expect(report.nodeClade).toBe(placement.clade);
      expect(report.recombinant).toMatchObject({
        parents: [
          { node: 'P', clade: 'cP' },
          { node: 'Q', clade: 'cQ' },
        ],
        breakpoints: [{ after: 40, before: 60 }],
      });
    }
  });
});
