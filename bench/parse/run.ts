/**
 * Parse benchmark: our streaming reader against `seqkit stats -T` on ~25 MB and ~100 MB
 * FASTA built from the SARS-CoV-2 tips (plus gzip variants), best of 3 each, and the peak
 * RSS of our reader (which must not grow with the file). Inputs are cached in bench/.cache/.
 *
 *   node --import tsx bench/parse/run.ts [--runs 3]
 */
import { spawnSync } from 'node:child_process';
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  statSync,
} from 'node:fs';
import { once } from 'node:events';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { createGzip } from 'node:zlib';
import { cachedTipsFasta } from '../tips-fasta';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cache = join(root, 'bench', '.cache');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;
const SEQKIT = existsSync('/usr/bin/seqkit') ? '/usr/bin/seqkit' : 'seqkit';

/** The tips as FASTA (60 columns, deletions kept as '-', ~2% N in runs), made once. */
function tipsFasta(): string {
  return cachedTipsFasta(join(cache, 'tips.fa'), ['--ns-fraction', '0.02', '--seed', '1']);
}

/** Repeats the tips (ids suffixed `_r2`, `_r3`, ...) until the file reaches `megabytes`. */
async function sizedFasta(megabytes: number): Promise<string> {
  const out = join(cache, `sars-cov-2-${megabytes}mb.fa`);
  if (existsSync(out)) return out;
  const tips = readFileSync(tipsFasta(), 'latin1');
  const target = megabytes * 1_000_000;
  const stream = createWriteStream(`${out}.tmp`);
  let written = 0;
  for (let copy = 1; written < target; copy++) {
    for (const record of tips.split('>').slice(1)) {
      if (written >= target) break;
      const text = copy === 1 ? `>${record}` : `>${record.replace(/^(\S+)/, `$1_r${copy}`)}`;
      written += text.length;
      if (!stream.write(text, 'latin1')) await once(stream, 'drain');
    }
  }
  stream.end();
  await once(stream, 'finish');
  renameSync(`${out}.tmp`, out);
  return out;
}

async function gzipped(path: string): Promise<string> {
  const out = `${path}.gz`;
  if (existsSync(out)) return out;
  await pipeline(createReadStream(path), createGzip({ level: 6 }), createWriteStream(`${out}.tmp`));
  renameSync(`${out}.tmp`, out);
  return out;
}

interface OurRun {
  ms: number;
  records: number;
  residues: number;
  gaps: number;
  nCount: number;
  errors: number;
  baseRssMb: number;
  peakRssMb: number;
}

function runOurs(path: string): OurRun {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(root, 'bench', 'parse', 'read-once.ts'), path],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  if (result.status !== 0) throw new Error(`read-once failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as OurRun;
}

/** `seqkit stats -T` (what we compare against) or, with `all`, `-a` (also GC, gaps, N50). */
function runSeqkit(path: string, all = false): { ms: number; records: number; sumLen: number } {
  const start = performance.now();
  const result = spawnSync(SEQKIT, ['stats', '-T', ...(all ? ['-a'] : []), path], {
    encoding: 'utf8',
  });
  const ms = performance.now() - start;
  if (result.status !== 0) throw new Error(`seqkit failed: ${result.stderr}`);
  const fields = result.stdout.trim().split('\n')[1]!.split('\t');
  return { ms, records: Number(fields[3]), sumLen: Number(fields[4]) };
}

function best<T extends { ms: number }>(runs: T[]): T {
  return runs.reduce((a, b) => (b.ms < a.ms ? b : a));
}

interface Row {
  input: string;
  mb: number;
  ours: OurRun & { peakRssMbMax: number };
  seqkit: { ms: number; records: number; sumLen: number };
  seqkitAll: { ms: number };
}

function measure(label: string, path: string): Row {
  const ours: OurRun[] = [];
  const theirs: ReturnType<typeof runSeqkit>[] = [];
  const theirsAll: ReturnType<typeof runSeqkit>[] = [];
  for (let run = 0; run < RUNS; run++) {
    ours.push(runOurs(path));
    theirs.push(runSeqkit(path));
    theirsAll.push(runSeqkit(path, true));
  }
  const mine = best(ours);
  const seqkit = best(theirs);
  if (mine.records !== seqkit.records || mine.residues + mine.gaps !== seqkit.sumLen) {
    throw new Error(`${label}: counts differ from seqkit (${JSON.stringify({ mine, seqkit })})`);
  }
  const peakRssMbMax = Math.max(...ours.map((run) => run.peakRssMb));
  const mb = statSync(path).size / 1e6;
  return { input: label, mb, ours: { ...mine, peakRssMbMax }, seqkit, seqkitAll: best(theirsAll) };
}

mkdirSync(cache, { recursive: true });
const small = await sizedFasta(25);
const large = await sizedFasta(100);
const inputs: [string, string][] = [
  ['FASTA 25 MB', small],
  ['FASTA 100 MB', large],
  ['FASTA.gz 25 MB', await gzipped(small)],
  ['FASTA.gz 100 MB', await gzipped(large)],
];

const version = spawnSync(SEQKIT, ['version'], { encoding: 'utf8' }).stdout.trim();
const load = loadavg()
  .map((value) => value.toFixed(2))
  .join(' ');
console.log(
  `node ${process.version}, ${version}, ${cpus().length} CPUs, load ${load}; best of ${RUNS}, ` +
    'ours timed inside its own process, seqkit as a whole process',
);
console.log(
  'input            on disk  records   residues       N  ours ms  seqkit ms  ratio  stats -a ms  ratio  ours MB/s  peak RSS (at start)',
);
const rows = inputs.map(([label, path]) => measure(label, path));
for (const row of rows) {
  console.log(
    [
      row.input.padEnd(15),
      `${row.mb.toFixed(1)} MB`.padStart(8),
      String(row.ours.records).padStart(8),
      String(row.ours.residues).padStart(10),
      String(row.ours.nCount).padStart(7),
      row.ours.ms.toFixed(0).padStart(8),
      row.seqkit.ms.toFixed(0).padStart(10),
      (row.ours.ms / row.seqkit.ms).toFixed(2).padStart(6),
      row.seqkitAll.ms.toFixed(0).padStart(12),
      (row.ours.ms / row.seqkitAll.ms).toFixed(2).padStart(6),
      (row.mb / (row.ours.ms / 1000)).toFixed(0).padStart(10),
      `${row.ours.peakRssMbMax.toFixed(0)} MB (${row.ours.baseRssMb.toFixed(0)} MB)`.padStart(18),
    ].join(' '),
  );
}
console.log(
  'ratio = ours / seqkit; stats -a also counts GC and gaps (and N50), closer to our work.',
);
const [rss25, rss100] = [rows[0]!.ours.peakRssMbMax, rows[1]!.ours.peakRssMbMax];
console.log(
  `peak RSS 25 MB -> 100 MB: ${rss25.toFixed(0)} MB -> ${rss100.toFixed(0)} MB (x${(rss100 / rss25).toFixed(2)})`,
);
