/**
 * `npm run ship:trees`: copies each pathogen's Nextclade reference tree
 * (`<shared>/<id>/tree.json`, Auspice v2) into resources/pathogens/<id>/tree.json, for every
 * pathogen folder in resources/pathogens that has one in the shared data. Each tree is
 * validated first as the app reads it (every branch mutation against its parent's state,
 * the root against the reference) and its tips' states are checked against the folder's
 * labeled.tsv, so a tree that does not fit the shipped reference and tips is never shipped.
 *
 * `SHARED_DATA` chooses the data folder (default ../shared/data beside the repository).
 */
import { chmodSync, copyFileSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseLabeledRows } from '../src/core/pathogens/labeled-mutations';
import { parseReferenceFasta } from '../src/core/pathogens/reference-fasta';
import { buildReferenceTree, nodeMutations } from '../src/core/tree/reference-tree';

const root = resolve(import.meta.dirname, '..');
const shared = resolve(process.env.SHARED_DATA ?? join(root, '..', 'shared', 'data'));
const pathogens = join(root, 'resources', 'pathogens');

function check(id: string, source: string): string {
  const dir = join(pathogens, id);
  const fasta = join(dir, 'reference.fasta');
  const reference = parseReferenceFasta(readFileSync(fasta, 'utf8'), fasta).sequence;
  const tree = buildReferenceTree(readFileSync(source, 'utf8'), reference, source);
  const labeledPath = join(dir, 'labeled.tsv');
  if (!existsSync(labeledPath)) return `${tree.size} nodes`;
  const byName = new Map(tree.names.map((name, index) => [name, index]));
  const rows = parseLabeledRows(readFileSync(labeledPath, 'utf8'), labeledPath);
  for (const row of rows) {
    const node = byName.get(row.name);
    if (node === undefined)
      throw new Error(`${source}: labeled tip '${row.name}' is not in the tree`);
    const state = nodeMutations(tree, node, reference).join(' ');
    const expected = row.mutations.map((m) => `${m.refNuc}${m.position}${m.alt}`).join(' ');
    if (state !== expected)
      throw new Error(`${source}: tip '${row.name}': its state differs from ${labeledPath}`);
  }
  return `${tree.size} nodes, ${rows.length} labeled tips reproduced`;
}

let shipped = 0;
for (const id of readdirSync(pathogens).sort()) {
  const source = join(shared, id, 'tree.json');
  if (!existsSync(join(pathogens, id, 'pathogen.json')) || !existsSync(source)) continue;
  const summary = check(id, source);
  const target = join(pathogens, id, 'tree.json');
  rmSync(target, { force: true });
  copyFileSync(source, target);
  chmodSync(target, 0o644);
  console.log(`${id}: tree.json shipped (${summary})`);
  shipped++;
}
if (shipped === 0) {
  console.error(`no tree.json found under ${shared} for the pathogens in ${pathogens}`);
  process.exit(1);
}
