/** A five-node Auspice v2 tree on a 12-nt reference, for the tree tests. */

export const REFERENCE = 'ACGTACGTACGT';

export interface TestNode {
  name: string;
  node_attrs?: Record<string, unknown>;
  branch_attrs?: { mutations?: Record<string, string[]>; labels?: Record<string, string> };
  children?: TestNode[];
}

export interface TestTree {
  version: string;
  meta: Record<string, unknown>;
  tree: TestNode & { children: TestNode[] };
  root_sequence?: Record<string, string>;
}

const clade = (value: string) => ({ clade_membership: { value } });

/**
 * root -> A (A1G, starts clade cA) -> A1 (C6T, placement_prior -1) and A2 (T8-);
 * root -> B (G3T T12C, starts clade cB).
 */
export function smallTree(): TestTree {
  return {
    version: 'v2',
    meta: { title: 'small' },
    tree: {
      name: 'root',
      node_attrs: {},
      children: [
        {
          name: 'A',
          node_attrs: clade('cA'),
          branch_attrs: { mutations: { nuc: ['A1G'] }, labels: { clade: 'cA' } },
          children: [
            {
              name: 'A1',
              node_attrs: { ...clade('cA'), placement_prior: { value: -1 } },
              branch_attrs: { mutations: { nuc: ['C6T'] } },
            },
            { name: 'A2', node_attrs: clade('cA'), branch_attrs: { mutations: { nuc: ['T8-'] } } },
          ],
        },
        {
          name: 'B',
          node_attrs: clade('cB'),
          branch_attrs: { mutations: { nuc: ['G3T', 'T12C'] }, labels: { clade: 'cB' } },
        },
      ],
    },
  };
}

export function treeText(tree: TestTree): string {
  return JSON.stringify(tree);
}
