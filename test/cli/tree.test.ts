import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { readAuspiceTree } from '../../src/core/tree/auspice';
import { tempDir } from '../helpers/genomes';

const run = promisify(execFile);
const CLI = resolve(import.meta.dirname, '../../bin/variantdesk.mjs');
const EXAMPLE = resolve(import.meta.dirname, '../../resources/examples/sars-cov-2');

function cli(...args: string[]) {
  return run(process.execPath, [CLI, '--data-dir', join(tempDir(), 'data'), ...args], {
    maxBuffer: 64 * 1024 * 1024,
  });
}

const truth = new Map(
  readFileSync(join(EXAMPLE, 'metadata.tsv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t') as [string, string]),
);

describe('variantdesk tree', () => {
  it('writes the reference tree with every example genome attached, as Auspice v2 and Newick', async () => {
    const dir = tempDir();
    const json = join(dir, 'tree.json');
    const { stderr } = await cli('tree', join(EXAMPLE, 'sequences.fasta.gz'), '--out', json);
    expect(stderr).toMatch(/298 of 298 sequences placed on the tree; wrote .*tree\.json/);
    const tree = readAuspiceTree(readFileSync(json, 'utf8'), json);
    const added = tree.nodes.filter(
      (n) => (n.nodeAttrs['Node type'] as { value?: string } | undefined)?.value === 'New',
    );
    expect(added).toHaveLength(298);
    for (const node of added) {
      // Tip names repeat the tree's own (the example is its tips): `XBB.1.5 (2)`.
      const id = node.name.replace(/ \(\d+\)$/, '');
      expect((node.nodeAttrs.clade_membership as { value: string }).value).toBe(truth.get(id));
      expect(tree.nodes[node.parent]!.name).not.toBe('');
    }

    const newick = join(dir, 'tree.nwk');
    await cli('tree', join(EXAMPLE, 'sequences.fasta.gz'), '--out', newick, '--format', 'newick');
    const text = readFileSync(newick, 'utf8');
    expect(text.endsWith(');\n') || /\)[^()]*;\n$/.test(text)).toBe(true);
    expect(text.split('(').length).toBe(text.split(')').length);
    expect(text.match(/ \(2\)':0/g)!.length).toBeGreaterThan(250);
  }, 120_000);

  it('exits with 2 and names the problem, leaving no file', async () => {
    const notes = join(tempDir(), 'notes.txt');
    writeFileSync(notes, 'not a sequence file\n');
    const out = join(tempDir(), 'never.json');
    await expect(cli('tree', notes, '--out', out)).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('notes.txt'),
    });
    expect(existsSync(out)).toBe(false);
    await expect(cli('tree', join(EXAMPLE, 'sequences.fasta.gz'))).rejects.toMatchObject({
      stderr: expect.stringContaining("required option '--out <file>'"),
    });
  });
});
