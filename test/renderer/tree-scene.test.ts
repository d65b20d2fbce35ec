import { describe, expect, it } from 'vitest';
import type { TreeView } from '../../src/shared/tree-types';
import { layoutTree } from '../../src/renderer/src/features/tree/tree-layout';
import { hitTest, sceneSvg } from '../../src/renderer/src/features/tree/tree-render';
import { buildScene, fitTransform } from '../../src/renderer/src/features/tree/tree-scene';
import { searchTree } from '../../src/renderer/src/features/tree/tree-search';

/** root -> A (-> A1, A2), B; one sequence on A1, two on B. */
const view: TreeView = {
  pathogenId: 'p',
  names: ['root', 'A', 'A1', 'A2', 'B'],
  parent: [-1, 0, 1, 1, 0],
  div: [0, 1, 2, 2, 3],
  clade: [0, 1, 1, 1, 2],
  clades: ['', 'cA', 'cB'],
  mutations: [[], ['A1G'], ['C6T'], ['T8-'], ['G3T', 'T12C']],
  placed: [
    { seqId: 's1', node: 2, clade: 'cA', privateMutations: [], label: 'cA' },
    { seqId: 's2', node: 4, clade: 'cB', privateMutations: ['C10A'], label: null },
    { seqId: 's3', node: 4, clade: 'cB', privateMutations: [], label: 'cB' },
  ],
  classificationId: 1,
};

describe('tree layout', () => {
  it('gives tips consecutive rows and an internal node the middle of its children', () => {
    const layout = layoutTree(view, 'rectangular');
    expect(Array.from(layout.y)).toEqual([1.25, 0.5, 0, 1, 2]);
    expect(layout.tips).toBe(3);
    // x grows with divergence
    expect(layout.x[4]! > layout.x[2]! && layout.x[2]! > layout.x[1]!).toBe(true);
    expect([layout.spanFrom[0], layout.spanTo[0]]).toEqual([0.5, 2]);
  });

  it('puts the root at the centre of the radial layout', () => {
    const layout = layoutTree(view, 'radial');
    expect(Math.hypot(layout.x[0]!, layout.y[0]!)).toBe(0);
    expect(Math.hypot(layout.x[4]!, layout.y[4]!)).toBeGreaterThan(
      Math.hypot(layout.x[1]!, layout.y[1]!),
    );
  });
});

describe('tree scene', () => {
  const scene = buildScene(view, 'rectangular');

  it('draws one branch per node beside the root, and a marker per sequence', () => {
    const horizontal = [...scene.segments.values()].flat().length / 4;
    expect(horizontal).toBe(4 + 2); // four branches, two internal spans
    expect(scene.markers.map((m) => m.placed)).toEqual([0, 1, 2]);
    // Two sequences on B sit one step apart.
    expect(scene.markers[2]!.x).toBeGreaterThan(scene.markers[1]!.x);
  });

  it('writes an SVG with a circle per sequence and a path per colour', () => {
    const t = fitTransform(scene, 400, 300);
    const svg = sceneSvg(scene, t, 400, 300);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300"')).toBe(
      true,
    );
    expect(svg.match(/<circle /g)).toHaveLength(3);
    expect(svg.match(/<path /g)).toHaveLength(scene.segments.size);
  });

  it('finds the sequence or node under the pointer, sequences first', () => {
    const t = fitTransform(scene, 400, 300);
    const m = scene.markers[0]!;
    expect(hitTest(scene, t, m.x * t.scale + t.tx, m.y * t.scale + t.ty)).toEqual({
      kind: 'placed',
      index: 0,
    });
    const a = { x: scene.layout.x[1]! * t.scale + t.tx, y: scene.layout.y[1]! * t.scale + t.ty };
    expect(hitTest(scene, t, a.x, a.y)).toEqual({ kind: 'node', index: 1 });
    expect(hitTest(scene, t, -100, -100)).toBeNull();
  });
});

describe('tree search', () => {
  it('matches node names, clades exactly and sequence ids', () => {
    const found = searchTree(view, 'a', null);
    expect([...found.nodes]).toEqual([1, 2, 3]);
    expect([...searchTree(view, 'cB', null).placed]).toEqual([1, 2]);
    expect([...searchTree(view, 's3', 2).placed]).toEqual([2]);
    expect(searchTree(view, '  ', 1)).toEqual({ nodes: new Set(), placed: new Set(), selected: 1 });
  });
});
