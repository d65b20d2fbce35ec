/**
 * Recombinant detection on the trees, leave-one-out: each tip genome (~3% N in runs) placed
 * with its own tip excluded, then tested for a two-parent mosaic (`findMosaic`). Prints, per
 * rule: recombinant tips flagged (all, and those the placement alone gets wrong), other tips
 * flagged (false positives, per pathogen), and the clade accuracy when a flag on a
 * non-recombinant placement turns the clade into `recombinant`.
 *
 *   node --import tsx bench/place/recombinants.ts [--rules 4:6:3:16,3:6:3:16]
 * (a rule is switchCost:minGain:minSupport:nearest)
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAlignPool } from '../../src/core/analysis/align';
import { parseLabeledRows } from '../../src/core/pathogens/labeled-mutations';
import { loadPathogen } from '../../src/core/pathogens';
import { DEFAULT_MOSAIC_RULE, findMosaic, type MosaicRule } from '../../src/core/tree/mosaic';
import { PlacementIndex, queryFromCalls, type PlacementQuery } from '../../src/core/tree/placement';
import { buildReferenceTree } from '../../src/core/tree/reference-tree';
import { tipsFasta, readFasta } from './tips';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cache = join(root, 'bench', '.cache', 'place');
const RECOMBINANT = 'recombinant';
const at = process.argv.indexOf('--rules');
const RULES: MosaicRule[] =
  at > 0
    ? process.argv[at + 1]!.split(',').map((text) => {
        const [switchCost, minGain, minSupport, nearest] = text.split(':').map(Number);
        return {
          switchCost: switchCost!,
          minGain: minGain!,
          minSupport: minSupport!,
          nearest: nearest!,
        };
      })
    : [DEFAULT_MOSAIC_RULE];

/** Aligned queries of every tip, cached as JSON. */
async function queriesOf(id: string, names: string[]): Promise<PlacementQuery[]> {
  const path = join(cache, `${id}-queries.json`);
  if (existsSync(path)) return JSON.parse(readFileSync(path, 'utf8')) as PlacementQuery[];
  const pathogen = loadPathogen(join(root, 'resources', 'pathogens', id));
  const noisy = readFasta(tipsFasta(id, 0.03));
  const pool = createAlignPool(pathogen, 2);
  const out: Promise<PlacementQuery[]>[] = [];
  for (let i = 0; i < names.length; i += 25)
    out.push(
      pool.align(names.slice(i, i + 25).map((n) => noisy.get(n)!)).then((outcomes) =>
        outcomes.map((o) => {
          if (!o.ok) throw new Error(o.reason);
          return queryFromCalls(o.calls, pathogen.reference.sequence.length);
        }),
      ),
    );
  const queries = (await Promise.all(out)).flat();
  await pool.close();
  mkdirSync(cache, { recursive: true });
  writeFileSync(path, JSON.stringify(queries));
  return queries;
}

for (const id of ['sars-cov-2', 'rsv-a', 'flu-h3n2-ha']) {
  const dir = join(root, 'resources', 'pathogens', id);
  const pathogen = loadPathogen(dir);
  const reference = pathogen.reference.sequence;
  const tree = buildReferenceTree(
    readFileSync(join(dir, 'tree.json'), 'utf8'),
    reference,
    'tree.json',
  );
  const index = new PlacementIndex(tree, reference);
  const rows = parseLabeledRows(readFileSync(join(dir, 'labeled.tsv'), 'utf8'));
  const names = rows.map((r) => r.name);
  const queries = await queriesOf(id, names);
  const nodeOf = new Map(tree.names.map((name, node) => [name, node]));
  // A flag turns the clade into `recombinant` only where the tree has such a clade.
  const hasRecombinantClade = tree.clade.includes(RECOMBINANT);
  for (const rule of RULES) {
    let recombinants = 0;
    let recombinantsFlagged = 0;
    let missed = 0;
    let missedFlagged = 0;
    let others = 0;
    let othersFlagged = 0;
    let right = 0;
    let rightPlacementOnly = 0;
    let ms = 0;
    queries.forEach((query, i) => {
      const truth = rows[i]!.clade;
      const own = nodeOf.get(names[i]!)!;
      const exclude = (node: number): boolean => node === own;
      const placement = index.place(query, exclude);
      const start = performance.now();
      const mosaic = findMosaic(index, query, placement.node, reference, rule, exclude);
      ms += performance.now() - start;
      const clade = mosaic && hasRecombinantClade ? RECOMBINANT : placement.clade;
      if (clade === truth) right++;
      if (placement.clade === truth) rightPlacementOnly++;
      if (truth === RECOMBINANT) {
        recombinants++;
        if (placement.clade === RECOMBINANT || mosaic) recombinantsFlagged++;
        if (placement.clade !== truth) {
          missed++;
          if (mosaic) missedFlagged++;
        }
      } else {
        others++;
        if (mosaic || placement.clade === RECOMBINANT) othersFlagged++;
      }
    });
    const ruleText = `${rule.switchCost}:${rule.minGain}:${rule.minSupport}:${rule.nearest}`;
    console.log(
      `${id} rule ${ruleText}: recombinant tips called recombinant (tree clade or mosaic) ${recombinantsFlagged}/${recombinants}, ` +
        `placement misses flagged ${missedFlagged}/${missed}; other tips flagged ${othersFlagged}/${others} ` +
        `(${((100 * othersFlagged) / others).toFixed(2)}%); clade accuracy ${(right / queries.length).toFixed(4)} ` +
        `(placement alone ${(rightPlacementOnly / queries.length).toFixed(4)}); mosaic test ${(ms / queries.length).toFixed(3)} ms/genome`,
    );
  }
}
