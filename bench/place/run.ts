/**
 * Placement benchmark, per pathogen: the tips of its reference tree rebuilt as genomes with
 * ~3% N in runs (deletions dropped, so they are unaligned), aligned by our aligner on 2
 * threads, then placed on the tree.
 *
 * 1. Leave-one-out: each genome placed with its own tip excluded (a lineage the tree has not
 *    seen): clade accuracy, the share of errors whose true clade is `recombinant`, and the
 *    placement rate (one thread).
 * 2. Side by side with `minimap2 -x asm5 -t 2` (Debian `minimap2`): every 5th tip is a query,
 *    the other tips are the reference set. minimap2 maps each query to the tip genomes (its
 *    primary hit is the nearest known genome); ours places it on the tree with the query tips
 *    excluded. Clade accuracy of both and wall times (ours: alignment to the reference plus
 *    placement; minimap2: index of the tips plus mapping).
 *
 *   node --import tsx bench/place/run.ts [--pathogen sars-cov-2,rsv-a,flu-h3n2-ha]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAlignPool } from '../../src/core/analysis/align';
import { parseLabeledRows, type LabeledRow } from '../../src/core/pathogens/labeled-mutations';
import { loadPathogen } from '../../src/core/pathogens';
import { PlacementIndex, queryFromCalls, type PlacementQuery } from '../../src/core/tree/placement';
import { buildReferenceTree } from '../../src/core/tree/reference-tree';
import { readFasta, tipsFasta } from './tips';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cache = join(root, 'bench', '.cache', 'place');
const MINIMAP2 = existsSync('/usr/bin/minimap2') ? '/usr/bin/minimap2' : 'minimap2';
const THREADS = 2;
const BATCH = 25;
const at = process.argv.indexOf('--pathogen');
const PATHOGENS = (at > 0 ? process.argv[at + 1]! : 'sars-cov-2,rsv-a,flu-h3n2-ha').split(',');

const pct = (x: number): string => x.toFixed(4);
const rate = (n: number, ms: number): string =>
  `${Math.round((n / ms) * 1000).toLocaleString('en-US')}/s`;

async function benchPathogen(id: string): Promise<void> {
  const dir = join(root, 'resources', 'pathogens', id);
  const pathogen = loadPathogen(dir);
  const reference = pathogen.reference.sequence;
  const buildStart = performance.now();
  const tree = buildReferenceTree(
    readFileSync(join(dir, 'tree.json'), 'utf8'),
    reference,
    'tree.json',
  );
  const index = new PlacementIndex(tree, reference);
  const buildMs = performance.now() - buildStart;
  const rows: LabeledRow[] = parseLabeledRows(readFileSync(join(dir, 'labeled.tsv'), 'utf8'));
  const noisy = readFasta(tipsFasta(id, 0.03));
  const names = rows.map((r) => r.name);

  const alignStart = performance.now();
  const pool = createAlignPool(pathogen, THREADS);
  const batches: Promise<PlacementQuery[]>[] = [];
  for (let i = 0; i < names.length; i += BATCH)
    batches.push(
      pool.align(names.slice(i, i + BATCH).map((n) => noisy.get(n)!)).then((outcomes) =>
        outcomes.map((o) => {
          if (!o.ok) throw new Error(o.reason);
          return queryFromCalls(o.calls, reference.length);
        }),
      ),
    );
  const queries = (await Promise.all(batches)).flat();
  const alignMs = performance.now() - alignStart;
  await pool.close();

  const nodeOf = new Map(tree.names.map((name, node) => [name, node]));
  let right = 0;
  let recombinantErrors = 0;
  const placeStart = performance.now();
  queries.forEach((query, i) => {
    const own = nodeOf.get(names[i]!)!;
    const placement = index.place(query, (node) => node === own);
    if (placement.clade === rows[i]!.clade) right++;
    else if (rows[i]!.clade === 'recombinant') recombinantErrors++;
  });
  const placeMs = performance.now() - placeStart;
  const errors = queries.length - right;
  console.log(
    `\n${id}: ${tree.size.toLocaleString('en-US')} nodes (tree read and indexed in ${buildMs.toFixed(0)} ms), ${queries.length} tip genomes, ~3% N`,
  );
  console.log(
    `  leave-one-out clade accuracy ${pct(right / queries.length)} (${errors} errors, ${recombinantErrors} of them recombinant)`,
  );
  console.log(
    `  align ${THREADS} threads ${rate(queries.length, alignMs)}; place 1 thread ${rate(queries.length, placeMs)} (${(placeMs / queries.length).toFixed(3)} ms each)`,
  );

  // Side by side: every 5th tip a query, the rest known.
  const isQuery = (i: number): boolean => i % 5 === 0;
  const queryIds = names.filter((_, i) => isQuery(i));
  const excluded = new Uint8Array(tree.size);
  for (const n of queryIds) excluded[nodeOf.get(n)!] = 1;
  const clean = readFasta(tipsFasta(id, 0));
  const known = join(cache, `${id}-known.fa`);
  const asked = join(cache, `${id}-queries.fa`);
  writeFileSync(
    known,
    names
      .filter((_, i) => !isQuery(i))
      .map((n) => `>${n}\n${clean.get(n)}\n`)
      .join(''),
  );
  writeFileSync(asked, queryIds.map((n) => `>${n}\n${noisy.get(n)}\n`).join(''));
  const cladeOf = new Map(rows.map((r) => [r.name, r.clade]));

  const mmStart = performance.now();
  const mm = spawnSync(
    MINIMAP2,
    ['-x', 'asm5', '-t', String(THREADS), '--secondary=no', known, asked],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    },
  );
  const mmMs = performance.now() - mmStart;
  if (mm.status !== 0) throw new Error(`minimap2 failed: ${mm.stderr}`);
  const best = new Map<string, { target: string; score: number }>();
  for (const line of mm.stdout.split('\n')) {
    const f = line.split('\t');
    if (f.length < 12) continue;
    const score = Number(f[9]); // matching bases
    const current = best.get(f[0]!);
    if (!current || score > current.score) best.set(f[0]!, { target: f[5]!, score });
  }
  const mmRight = queryIds.filter(
    (q) => cladeOf.get(best.get(q)?.target ?? '') === cladeOf.get(q),
  ).length;

  const oursStart = performance.now();
  const pool2 = createAlignPool(pathogen, THREADS);
  const parts: Promise<number>[] = [];
  for (let i = 0; i < queryIds.length; i += BATCH) {
    const ids = queryIds.slice(i, i + BATCH);
    parts.push(
      pool2.align(ids.map((n) => noisy.get(n)!)).then((outcomes) =>
        outcomes.reduce((n, o, k) => {
          if (!o.ok) return n;
          const placement = index.place(
            queryFromCalls(o.calls, reference.length),
            (node) => excluded[node] === 1,
          );
          return n + (placement.clade === cladeOf.get(ids[k]!) ? 1 : 0);
        }, 0),
      ),
    );
  }
  const oursRight = (await Promise.all(parts)).reduce((a, b) => a + b, 0);
  const oursMs = performance.now() - oursStart;
  await pool2.close();
  console.log(
    `  ${queryIds.length} queries against the other ${names.length - queryIds.length} tips:`,
  );
  console.log(
    `    ours (align + place on the tree):  clade accuracy ${pct(oursRight / queryIds.length)}, ${(oursMs / 1000).toFixed(2)} s, ${rate(queryIds.length, oursMs)}`,
  );
  console.log(
    `    minimap2 -x asm5 to the tips:      clade accuracy ${pct(mmRight / queryIds.length)}, ${(mmMs / 1000).toFixed(2)} s, ${rate(queryIds.length, mmMs)}`,
  );
  console.log(`    ratio ours/minimap2 wall: ${(oursMs / mmMs).toFixed(3)}`);
}

console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, load ${loadavg()[0]!.toFixed(2)}`,
);
for (const id of PATHOGENS) await benchPathogen(id);
