/**
 * Featurizer benchmark: ~2,000 SARS-CoV-2 genomes (the 298 example genomes repeated, ids
 * made unique) read with our streaming reader alone, then read + canonical 6-mer spectra in
 * this thread and on a pool of 1 and 2 workers. Best of N runs each; the pools are started
 * and warmed before timing. Prints genomes/s, the ratio (read + featurize) / read, and the
 * process CPU time (all threads), which is steadier than wall time on a shared machine.
 *
 *   node --import tsx bench/features/run.ts [--copies 7] [--runs 3] [--batch 64]
 */
import { createReadStream, createWriteStream, existsSync, mkdirSync, renameSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { createGunzip, createGzip } from 'node:zlib';
import {
  createFeaturePool,
  kmerSpectrum,
  parseFeaturizerConfig,
  type FeaturePool,
} from '../../src/core/features';
import { readSequences } from '../../src/core/sequences/reader';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cache = join(root, 'bench', '.cache', 'features');
const example = join(root, 'resources', 'examples', 'sars-cov-2', 'sequences.fasta.gz');
const argument = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const COPIES = argument('--copies', 7);
const RUNS = argument('--runs', 3);
const BATCH = argument('--batch', 64);
const config = parseFeaturizerConfig({ kind: 'kmer', k: 6 });

/** The example repeated COPIES times, each copy's ids suffixed `|copyN`, gzipped; made once. */
async function benchFile(): Promise<string> {
  const out = join(cache, `sars-cov-2-x${COPIES}.fasta.gz`);
  if (existsSync(out)) return out;
  mkdirSync(cache, { recursive: true });
  const chunks: Buffer[] = [];
  for await (const chunk of createReadStream(example).pipe(createGunzip())) chunks.push(chunk);
  const text = Buffer.concat(chunks).toString('latin1');
  async function* copies(): AsyncGenerator<string> {
    for (let copy = 1; copy <= COPIES; copy++)
      yield text.replace(/^>(\S+)/gm, (_, id: string) => `>${id}|copy${copy}`);
  }
  await pipeline(Readable.from(copies()), createGzip(), createWriteStream(`${out}.tmp`));
  renameSync(`${out}.tmp`, out);
  return out;
}

/** Reads the file, handing each batch of up to BATCH sequences to `consume`. */
async function readBatches(path: string, consume: (sequences: string[]) => void): Promise<number> {
  let genomes = 0;
  let batch: string[] = [];
  for await (const events of readSequences(path)) {
    for (const event of events) {
      if (event.type !== 'record') continue;
      genomes++;
      batch.push(event.record.sequence);
      if (batch.length === BATCH) {
        consume(batch);
        batch = [];
      }
    }
  }
  if (batch.length > 0) consume(batch);
  return genomes;
}

interface Timing {
  ms: number;
  /** User + system CPU of the whole process (all threads), in ms. */
  cpuMs: number;
  genomes: number;
}

async function bestOf(run: () => Promise<number>): Promise<Timing> {
  let best: Timing = { ms: Infinity, cpuMs: 0, genomes: 0 };
  for (let i = 0; i < RUNS; i++) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    const genomes = await run();
    const ms = performance.now() - start;
    const used = process.cpuUsage(cpu);
    if (ms < best.ms) best = { ms, cpuMs: (used.user + used.system) / 1000, genomes };
  }
  return best;
}

const readOnly = (path: string) => () => readBatches(path, () => {});

const inThread = (path: string) => () => {
  const row = new Float32Array(config.dimension);
  return readBatches(path, (sequences) => {
    for (const sequence of sequences) kmerSpectrum(sequence, config, row);
  });
};

// Reading goes on while the workers featurize: batches are in flight, awaited at the end.
const onPool = (path: string, pool: FeaturePool) => async () => {
  const pending: Promise<Float32Array>[] = [];
  const genomes = await readBatches(path, (sequences) => pending.push(pool.featurize(sequences)));
  const rows = (await Promise.all(pending)).reduce((sum, part) => sum + part.length, 0);
  if (rows !== genomes * config.dimension) throw new Error('row count mismatch');
  return genomes;
};

async function startPool(threads: number, path: string): Promise<FeaturePool> {
  const pool = createFeaturePool(config, { threads, batchSize: BATCH });
  await onPool(path, pool)(); // warm-up: worker start (tsx in source) and JIT
  return pool;
}

const path = await benchFile();
console.log(
  `${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), load ${loadavg()[0]!.toFixed(2)}; ` +
    `k=${config.k} canonical, dimension ${config.dimension}, batch ${BATCH}, best of ${RUNS}`,
);
await bestOf(readOnly(path)); // warm-up
const parse = await bestOf(readOnly(path));
const rows: [string, Timing][] = [['read only', parse]];
rows.push(['read + spectra, this thread', await bestOf(inThread(path))]);
for (const threads of [1, 2]) {
  const pool = await startPool(threads, path);
  rows.push([
    `read + spectra, ${threads} worker${threads > 1 ? 's' : ''}`,
    await bestOf(onPool(path, pool)),
  ]);
  await pool.close();
}
for (const [label, { ms, cpuMs, genomes }] of rows) {
  const rate = (genomes / ms) * 1000;
  const ratio = ms / parse.ms;
  console.log(
    `${label.padEnd(30)} ${genomes} genomes  ${ms.toFixed(0).padStart(6)} ms  ` +
      `${rate.toFixed(0).padStart(6)} genomes/s  x${ratio.toFixed(2)} of read  ` +
      `(CPU ${cpuMs.toFixed(0)} ms)`,
  );
}
