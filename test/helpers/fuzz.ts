/**
 * Run counts of the property-based (fast-check) tests: a few seconds' worth in the normal
 * test run, many more under `npm run fuzz` (VARIANTDESK_FUZZ_SCALE, default 50 there).
 */
const scale = Number(process.env.VARIANTDESK_FUZZ_SCALE ?? '1');

/** `numRuns` for fast-check: `base` in `npm test`, `base * scale` under `npm run fuzz`. */
export function fuzzRuns(base: number): number {
  return Math.max(1, Math.round(base * (Number.isFinite(scale) && scale > 0 ? scale : 1)));
}

/** A fixed seed in `npm test` (reproducible); a fresh one per run under `npm run fuzz`. */
export function fuzzSeed(): number | undefined {
  return scale > 1 ? undefined : 20261207;
}
