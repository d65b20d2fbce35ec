/**
 * Alignment benchmark: 2,000 SARS-CoV-2 genomes (tips with ~3% N in runs, deletions
 * dropped, so the inputs are unaligned) through our aligner + mutation calling on 2 worker
 * threads, and through `minimap2 -x asm5 --cs -t 2` (Debian `minimap2`), in one run. Prints
 * both wall times, the ratio, SNV agreement between the two (over positions both cover)
 * and our F1 against the labeled mutations. Inputs are cached in bench/.cache/align/.
 *
 *   node --import tsx bench/align/run.ts [--genomes 2000] [--threads 2]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAlignPool } from '../../src/core/analysis/align';
import { loadPathogen } from '../../src/core/pathogens';
import type { AlignmentOutcome } from '../../src/shared/analysis-types';
import { addToTally, emptyTally, readTruth, scores } from '../../test/core/analysis/align/truth-compare';
import { cachedTipsFasta } from '../tips-fasta';
import { parsePafCs } from './minimap2-cs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cache = join(root, 'bench', '.cache', 'align');
const pathogenDir = join(root, 'resources', 'pathogens', 'sars-cov-2');
const argument = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const GENOMES = argument('--genomes', 2000);
const THREADS = argument('--threads', 2);
const BATCH = 25;
const MINIMAP2 = existsSync('/usr/bin/minimap2') ? '/usr/bin/minimap2' : 'minimap2';

function benchFasta(): string {
  return cachedTipsFasta(join(cache, `sars-cov-2-${GENOMES}-ns0.03.fa`), [
    '--ns-fraction',
    '0.03',
    '--seed',
    '1',
    '--drop-deletions',
    '--limit',
    String(GENOMES),
  ]);
}

/** FASTA records, parsed on bytes (newlines squeezed out in place), no per-line strings. */
function readRecords(path: string): { id: string; sequence: string }[] {
  const bytes = readFileSync(path);
  const records: { id: string; sequence: string }[] = [];
  let at = bytes.indexOf(0x3e); // '>'
  while (at >= 0) {
    const headerEnd = bytes.indexOf(0x0a, at);
    const next = bytes.indexOf(0x3e, headerEnd);
    const end = next < 0 ? bytes.length : next;
    let write = headerEnd + 1;
    for (let read = headerEnd + 1; read < end; read += 1) {
      const byte = bytes[read]!;
      if (byte !== 0x0a && byte !== 0x0d) bytes[write++] = byte;
    }
    const id = bytes
      .toString('latin1', at + 1, headerEnd)
      .trim()
      .split(/\s+/)[0]!;
    records.push({ id, sequence: bytes.toString('latin1', headerEnd + 1, write) });
    at = next;
  }
  return records;
}

async function runOurs(
  path: string,
): Promise<{ ms: number; startupMs: number; ids: string[]; outcomes: AlignmentOutcome[] }> {
  const start = performance.now();
  const pool = createAlignPool(loadPathogen(pathogenDir), THREADS);
  const startupMs = performance.now() - start;
  const records = readRecords(path);
  const batches: Promise<AlignmentOutcome[]>[] = [];
  for (let i = 0; i < records.length; i += BATCH)
    batches.push(pool.align(records.slice(i, i + BATCH).map((r) => r.sequence)));
  const outcomes = (await Promise.all(batches)).flat();
  const ms = performance.now() - start;
  await pool.close();
  return { ms, startupMs, ids: records.map((r) => r.id), outcomes };
}

function runMinimap2(path: string): { ms: number; paf: string } {
  const start = performance.now();
  const result = spawnSync(
    MINIMAP2,
    ['-x', 'asm5', '--cs', '-t', String(THREADS), join(pathogenDir, 'reference.fasta'), path],
    { encoding: 'utf8', maxBuffer: 1 << 30 },
  );
  const ms = performance.now() - start;
  if (result.status !== 0) throw new Error(`minimap2 failed: ${result.stderr}`);
  return { ms, paf: result.stdout };
}

const input = benchFasta();
console.log(`${GENOMES} SARS-CoV-2 genomes (~3% N, deletions dropped), ${THREADS} threads`);
console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, load ${loadavg()[0]!.toFixed(2)}`,
);
const mm2 = runMinimap2(input);
const ours = await runOurs(input);

const truth = readTruth(join(pathogenDir, 'labeled.tsv'));
const tally = emptyTally();
const minimap2Calls = parsePafCs(mm2.paf);
let shared = 0;
let onlyOurs = 0;
let onlyMinimap2 = 0;
let failed = 0;
ours.outcomes.forEach((outcome, index) => {
  const id = ours.ids[index]!;
  if (!outcome.ok) {
    failed += 1;
    return;
  }
  const calls = outcome.calls;
  addToTally(tally, calls, truth.get(id) ?? []);
  const theirs = minimap2Calls.get(id);
  if (!theirs) return;
  const comparable = (position: number): boolean =>
    theirs.covered.some(([s, e]) => position >= s && position <= e) &&
    !calls.missing.some((m) => position >= m.start && position <= m.end);
  const mine = new Set(calls.substitutions.map((s) => `${s.position}:${s.queryNuc}`));
  for (const key of mine) {
    if (!comparable(Number(key.split(':')[0]))) continue;
    if (theirs.snvs.has(key)) shared += 1;
    else onlyOurs += 1;
  }
  for (const key of theirs.snvs)
    if (!mine.has(key) && comparable(Number(key.split(':')[0]))) onlyMinimap2 += 1;
});
const { precision, recall, f1 } = scores(tally);
const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
console.log(`minimap2 -x asm5 --cs: ${seconds(mm2.ms)} (${minimap2Calls.size} genomes aligned)`);
console.log(
  `ours (align + calls):  ${seconds(ours.ms)} (worker start-up ${seconds(ours.startupMs)}; ${failed} failed)`,
);
console.log(`ratio ours/minimap2:   ${(ours.ms / mm2.ms).toFixed(3)}`);
console.log(
  `SNV agreement:         ${((100 * shared) / (shared + onlyOurs + onlyMinimap2)).toFixed(3)}% (${shared} shared, ${onlyOurs} only ours, ${onlyMinimap2} only minimap2)`,
);
console.log(
  `ours vs truth:         precision ${precision.toFixed(5)} recall ${recall.toFixed(5)} F1 ${f1.toFixed(5)}`,
);
