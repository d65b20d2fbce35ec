import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../src/core/errors';
import { parseLabeledRows } from '../../../src/core/pathogens/labeled-mutations';
import { parseReferenceFasta } from '../../../src/core/pathogens/reference-fasta';
import { MAX_TREE_DEPTH, readAuspiceTree } from '../../../src/core/tree/auspice';
import { buildReferenceTree, nodeMutations } from '../../../src/core/tree/reference-tree';
import { REFERENCE, smallTree, treeText } from './small-tree';

describe('readAuspiceTree', () => {
  it('reads the nodes in pre-order with parents and depths', () => {
    const tree = readAuspiceTree(treeText(smallTree()), 't.json');
    expect(tree.nodes.map((n) => [n.name, n.parent, n.depth])).toEqual([
      ['root', -1, 0],
      ['A', 0, 1],
      ['A1', 1, 2],
      ['A2', 1, 2],
      ['B', 0, 1],
    ]);
  });

  it('refuses what is not an Auspice v2 tree, naming the file', () => {
    expect(() => readAuspiceTree('{', 't.json')).toThrow(/^t\.json: not JSON/);
    expect(() => readAuspiceTree('[]', 't.json')).toThrow(/t\.json: not an Auspice tree/);
    expect(() => readAuspiceTree('{"meta":{}}', 't.json')).toThrow(/no 'tree' object/);
    expect(() => readAuspiceTree('{"version":"v1","tree":{}}', 't.json')).toThrow(
      /version "v1" is not supported/,
    );
  });

  it('names the node at fault', () => {
    const doc = smallTree();
    doc.tree.children[0]!.children![1]!.name = 'A1';
    expect(() => readAuspiceTree(treeText(doc), 't.json')).toThrow("node name 'A1' repeats");
    const bad = { version: 'v2', tree: { name: 'root', children: [{ name: 'x', children: 3 }] } };
    expect(() => readAuspiceTree(JSON.stringify(bad), 't.json')).toThrow(
      /t\.json: node root\.children\[0\] at children: /,
    );
  });

  it('reads a tree deeper than the call stack, and refuses one past the depth limit', () => {
    const chain = (levels: number): string => {
      let text = '{"name":"leaf"}';
      for (let i = levels; i > 0; i--) text = `{"name":"n${i}","children":[${text}]}`;
      return `{"version":"v2","tree":${text}}`;
    };
    expect(readAuspiceTree(chain(MAX_TREE_DEPTH - 1), 'deep.json').nodes).toHaveLength(
      MAX_TREE_DEPTH,
    );
    expect(() => readAuspiceTree(chain(MAX_TREE_DEPTH + 1), 'deep.json')).toThrow(
      InvalidInputError,
    );
  });
});

describe('buildReferenceTree', () => {
  it('gives every node its state against the reference, root to node', () => {
    const tree = buildReferenceTree(treeText(smallTree()), REFERENCE, 't.json');
    const states = tree.names.map((_, node) => nodeMutations(tree, node, REFERENCE).join(' '));
    expect(states).toEqual(['', 'A1G', 'A1G C6T', 'A1G T8-', 'G3T T12C']);
    expect(tree.clade).toEqual(['', 'cA', 'cA', 'cA', 'cB']);
    expect(Array.from(tree.isTip)).toEqual([0, 0, 1, 1, 1]);
    expect(tree.prior[2]).toBe(-1);
    expect(Number.isNaN(tree.prior[0]!)).toBe(true);
  });

  it('drops a state entry when a branch mutates back to the reference', () => {
    const doc = smallTree();
    doc.tree.children[0]!.children![1]!.branch_attrs = { mutations: { nuc: ['G1A', 'T8-'] } };
    const tree = buildReferenceTree(treeText(doc), REFERENCE, 't.json');
    expect(nodeMutations(tree, 3, REFERENCE)).toEqual(['T8-']);
  });

  it('refuses a branch mutation that does not start from its parent base, naming both nodes', () => {
    const doc = smallTree();
    doc.tree.children[0]!.children![0]!.branch_attrs = { mutations: { nuc: ['A1T'] } };
    expect(() => buildReferenceTree(treeText(doc), REFERENCE, 't.json')).toThrow(
      "t.json: node 'A1': mutation A1T, but its parent 'A' has G at 1",
    );
  });

  it('refuses a tree whose root does not match the reference', () => {
    const doc = smallTree();
    doc.tree.branch_attrs = { mutations: { nuc: ['G2A'] } };
    expect(() => buildReferenceTree(treeText(doc), REFERENCE, 't.json')).toThrow(
      "t.json: the tree's root does not match the reference: root mutation G2A, but the reference has C at 2",
    );
    const withRoot = { ...smallTree(), root_sequence: { nuc: `T${REFERENCE.slice(1)}` } };
    expect(() => buildReferenceTree(treeText(withRoot), REFERENCE, 't.json')).toThrow(
      /root sequence does not match the reference .* first difference at position 1/,
    );
    const mutation = smallTree();
    mutation.tree.children[1]!.branch_attrs = { mutations: { nuc: ['G3T', 'T99C'] } };
    expect(() => buildReferenceTree(treeText(mutation), REFERENCE, 't.json')).toThrow(
      "node 'B': nucleotide mutation 'T99C' is not REF<position>ALT within the reference (1..12)",
    );
  });

  it.each(['sars-cov-2', 'rsv-a', 'flu-h3n2-ha'])(
    'the shipped %s tree reproduces every labeled tip',
    (id) => {
      const dir = join('resources', 'pathogens', id);
      const fasta = join(dir, 'reference.fasta');
      const reference = parseReferenceFasta(readFileSync(fasta, 'utf8'), fasta).sequence;
      const tree = buildReferenceTree(
        readFileSync(join(dir, 'tree.json'), 'utf8'),
        reference,
        'tree.json',
      );
      const byName = new Map(tree.names.map((name, node) => [name, node]));
      const rows = parseLabeledRows(readFileSync(join(dir, 'labeled.tsv'), 'utf8'));
      for (const row of rows) {
        const node = byName.get(row.name)!;
        expect(tree.isTip[node]).toBe(1);
        expect(tree.clade[node]).toBe(row.clade);
        expect(nodeMutations(tree, node, reference)).toEqual(
          row.mutations.map((m) => `${m.refNuc}${m.position}${m.alt}`),
        );
      }
    },
  );
});
