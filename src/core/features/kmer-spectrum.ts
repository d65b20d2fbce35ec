/**
 * k-mer spectra: counts of every k-mer of a sequence in a fixed-length vector, then
 * normalized. The index of a k-mer is defined in `featurizer-config.ts`.
 */
import { isHashed, KMER_HASH_MULTIPLIER, type KmerFeaturizerConfig } from './featurizer-config';
import type { PackedSequences } from './packed-sequences';

/** Byte -> 2-bit base code; -1 for N, IUPAC ambiguity codes, gaps and anything else. */
const BASE_CODE = (() => {
  const table = new Int8Array(256).fill(-1);
  const codes: [string, number][] = [
    ['A', 0],
    ['C', 1],
    ['G', 2],
    ['T', 3],
    ['U', 3],
  ];
  for (const [base, code] of codes) {
    table[base.charCodeAt(0)] = code;
    table[base.toLowerCase().charCodeAt(0)] = code;
  }
  return table;
})();

// Reused byte view of the current sequence; UTF-8 so a non-ASCII character can never alias
// a base (its bytes are >= 0x80, which code -1).
let scratch = Buffer.allocUnsafe(64 * 1024);

function bytesOf(sequence: string): number {
  const worstCase = sequence.length * 3;
  if (scratch.length < worstCase)
    scratch = Buffer.allocUnsafe(Math.max(worstCase, scratch.length * 2));
  return scratch.write(sequence, 0, 'utf8');
}

/**
 * The spectrum of `sequence` under `config` (validated with `parseFeaturizerConfig`).
 * A k-mer touching any character other than A, C, G, T or U (either case) is skipped: the
 * window restarts after it. A sequence with no valid k-mer gives the zero vector.
 * @param out optional row to fill (length `config.dimension`); overwritten, then returned
 */
export function kmerSpectrum(
  sequence: string,
  config: KmerFeaturizerConfig,
  out?: Float32Array,
): Float32Array {
  const length = bytesOf(sequence);
  return kmerSpectrumOfBytes(scratch, 0, length, config, out);
}

/** As `kmerSpectrum`, for the UTF-8 (or ASCII) bytes `bytes[start..end)`. */
export function kmerSpectrumOfBytes(
  bytes: Uint8Array,
  start: number,
  end: number,
  config: KmerFeaturizerConfig,
  out?: Float32Array,
): Float32Array {
  const { k, dimension, canonical } = config;
  const counts = out ?? new Float32Array(dimension);
  if (counts.length !== dimension)
    throw new RangeError(`output row has length ${counts.length}, expected ${dimension}`);
  counts.fill(0);

  const mask = (1 << (2 * k)) - 1;
  const highShift = 2 * (k - 1);
  const hashed = isHashed(config);
  const hashShift = 32 - Math.log2(dimension);
  let forward = 0;
  let reverse = 0;
  let filled = 0;
  if (start < 0 || end > bytes.length || start > end)
    throw new RangeError(`byte range ${start}..${end} outside 0..${bytes.length}`);
  for (let i = start; i < end; i++) {
    const base = BASE_CODE[bytes[i]!]!;
    if (base < 0) {
      filled = 0;
      continue;
    }
    // Stale bits from before a restart are shifted out by the time `filled` reaches k.
    forward = ((forward << 2) | base) & mask;
    reverse = (reverse >>> 2) | ((3 - base) << highShift);
    if (++filled < k) continue;
    const code = canonical && reverse < forward ? reverse : forward;
    const index = hashed ? Math.imul(code, KMER_HASH_MULTIPLIER) >>> hashShift : code;
    counts[index]!++;
  }
  normalizeRow(counts, config.normalize);
  return counts;
}

function normalizeRow(row: Float32Array, normalize: KmerFeaturizerConfig['normalize']): void {
  if (normalize === 'none') return;
  let total = 0;
  if (normalize === 'l1') for (let i = 0; i < row.length; i++) total += row[i]!;
  else {
    for (let i = 0; i < row.length; i++) total += row[i]! * row[i]!;
    total = Math.sqrt(total);
  }
  if (total === 0) return;
  const scale = 1 / total;
  for (let i = 0; i < row.length; i++) row[i]! *= scale;
}

/** Spectra of many sequences as one row-major matrix (row i = sequence i). */
export function kmerSpectra(
  sequences: string[],
  config: KmerFeaturizerConfig,
): Float32Array<ArrayBuffer> {
  const { dimension } = config;
  const matrix = new Float32Array(sequences.length * dimension);
  sequences.forEach((sequence, row) =>
    kmerSpectrum(sequence, config, matrix.subarray(row * dimension, (row + 1) * dimension)),
  );
  return matrix;
}

/** Spectra of a packed batch as one row-major matrix (row i = sequence i). */
export function kmerSpectraOfPacked(
  packed: PackedSequences,
  config: KmerFeaturizerConfig,
): Float32Array<ArrayBuffer> {
  const { dimension } = config;
  const { bytes, ends } = packed;
  if (ends.length > 0 && ends[ends.length - 1]! > bytes.length)
    throw new RangeError(
      `packed sequences end at ${ends[ends.length - 1]}, past ${bytes.length} bytes`,
    );
  const matrix = new Float32Array(ends.length * dimension);
  let start = 0;
  for (let row = 0; row < ends.length; row++) {
    const end = ends[row]!;
    const out = matrix.subarray(row * dimension, (row + 1) * dimension);
    kmerSpectrumOfBytes(bytes, start, end, config, out);
    start = end;
  }
  return matrix;
}
