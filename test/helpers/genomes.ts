/** Seeded synthetic genomes for tests and benches. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Mulberry32: small, fast, seedable. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomGenome(length: number, random: () => number): string {
  const bases = 'ACGT';
  let out = '';
  for (let i = 0; i < length; i += 1) out += bases[Math.floor(random() * 4)];
  return out;
}

export function tempDir(prefix = 'variantdesk-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Writes `count` records of `length` bases, 70 per line; returns the path. */
export function writeFasta(
  path: string,
  count: number,
  length: number,
  seed = 1,
  idPrefix = 'seq',
): string {
  const random = seededRandom(seed);
  const genome = randomGenome(length, random);
  const parts: string[] = [];
  for (let i = 0; i < count; i += 1) {
    // One random substitution per record keeps the content distinct.
    const pos = Math.floor(random() * length);
    const record = `${genome.slice(0, pos)}${'ACGT'[(i + 1) % 4]}${genome.slice(pos + 1)}`;
    parts.push(`>${idPrefix}${i + 1}\n${record.replace(/(.{70})/g, '$1\n')}\n`);
  }
  writeFileSync(path, parts.join(''));
  return path;
}
