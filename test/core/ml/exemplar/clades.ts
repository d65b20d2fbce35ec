/** Seeded synthetic clades: sequences of allele codes diverging from clade founders. */
import { mulberry32, type Random } from '../../../../src/core/cluster/random';
import type { ExemplarSet } from '../../../../src/core/ml/exemplar';

/** A copy of `codes` with `count` random positions changed to another base (1..4). */
export function mutate(codes: Uint8Array, count: number, random: Random): Uint8Array {
  const out = codes.slice();
  for (let i = 0; i < count; i++) {
    const p = Math.floor(random() * out.length);
    out[p] = ((out[p]! + Math.floor(random() * 3)) % 4) + 1;
  }
  return out;
}

/**
 * `nClasses` founders of `positions` random bases, `perClass` members each with `drift`
 * mutations from their founder and a few unknown (0) positions.
 */
export function syntheticClades(
  nClasses: number,
  perClass: number,
  positions: number,
  seed: number,
  drift = 3,
): ExemplarSet {
  const random = mulberry32(seed);
  const founders = Array.from({ length: nClasses }, () =>
    Uint8Array.from({ length: positions }, () => 1 + Math.floor(random() * 4)),
  );
  const m = nClasses * perClass;
  const codes = new Uint8Array(m * positions);
  const labels = new Int32Array(m);
  for (let e = 0; e < m; e++) {
    const c = e % nClasses;
    labels[e] = c;
    const member = mutate(founders[c]!, drift, random);
    for (let n = 0; n < 2; n++) member[Math.floor(random() * positions)] = 0;
    codes.set(member, e * positions);
  }
  return { positions, codes, labels, nClasses, width: 5 };
}
