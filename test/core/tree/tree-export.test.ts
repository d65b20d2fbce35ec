import { describe, expect, it } from 'vitest';
import type { TreePlacement } from '../../../src/shared/classify-types';
import { readAuspiceTree } from '../../../src/core/tree/auspice';
import { buildReferenceTree } from '../../../src/core/tree/reference-tree';
import { auspiceWithQueries, newickWithQueries } from '../../../src/core/tree/tree-export';
import { REFERENCE, smallTree, treeText } from './small-tree';

const tree = buildReferenceTree(treeText(smallTree()), REFERENCE, 't.json');

function placed(node: string, clade: string, unlabeled: string[] = []): TreePlacement {
  return {
    node,
    clade,
    nodeClade: clade,
    distance: unlabeled.length,
    nodesAtBest: 1,
    cladeShare: 1,
    otherClades: [],
    privateMutations: {
      reversions: [],
      labeled: [],
      unlabeled,
      deletions: [],
      aaSubstitutions: [],
      aaReversions: [],
    },
    recombinant: null,
  };
}

const queries = [
  { id: 'sample 1', placement: placed('A1', 'cA', ['C10A', 'G7T']) },
  { id: 'B', placement: placed('B', 'cB') },
];

describe('tree export', () => {
  it('writes Newick with each sequence a tip under its node, lengths in mutations', () => {
    expect(newickWithQueries(tree, queries)).toBe(
      "((('sample 1':2)A1:1,A2:1)A:1,('B (2)':0)B:2)root;\n",
    );
  });

  it('writes Auspice v2 JSON with the sequences attached and marked as new', () => {
    const text = auspiceWithQueries(tree, queries);
    const read = readAuspiceTree(text, 'out.json');
    const byName = new Map(read.nodes.map((n) => [n.name, n]));
    const sample = byName.get('sample 1')!;
    expect(read.nodes[sample.parent]!.name).toBe('A1');
    expect(sample.mutations.nuc).toEqual(['G7T', 'C10A']);
    expect(sample.nodeAttrs).toMatchObject({
      clade_membership: { value: 'cA' },
      'Node type': { value: 'New' },
    });
    expect(read.nodes[byName.get('B (2)')!.parent]!.name).toBe('B');
    const doc = JSON.parse(text) as { meta: { colorings: { key: string }[] } };
    expect(doc.meta.colorings.map((c) => c.key)).toContain('Node type');
    // The reference tree itself is unchanged.
    expect(read.nodes.filter((n) => !['sample 1', 'B (2)'].includes(n.name))).toHaveLength(
      tree.size,
    );
    expect(tree.auspice.document).toEqual(JSON.parse(treeText(smallTree())));
  });
});
