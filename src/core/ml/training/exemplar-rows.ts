/**
 * The exemplars a bundle lists in `exemplars.tsv` (the classifier's fallback answer and
 * recombinant search): a few per class that cover its diversity, with their mutations.
 */
import { isKnown, selectExemplars } from '../exemplar';
import type { TrainingData } from './fit-candidate';
import { exemplarSetOf } from './fit-candidate';

/** Mutations of an aligned genome against the reference, labeled.tsv style (`C241T`, `T21765-`). */
export function mutationsOfAligned(aligned: string, reference: string): string {
  // Leading and trailing '-' are uncovered ends, not deletions.
  let first = 0;
  let last = aligned.length - 1;
  while (first <= last && aligned[first] === '-') first++;
  while (last >= first && aligned[last] === '-') last--;
  const out: string[] = [];
  for (let i = first; i <= last; i++) {
    const base = aligned[i]!.toUpperCase();
    const refNuc = reference[i]!;
    if (base === refNuc) continue;
    if (base === '-' || base === 'A' || base === 'C' || base === 'G' || base === 'T')
      out.push(`${refNuc}${i + 1}${base}`);
  }
  return out.join(' ');
}

/** One representative row per source: the copy with the fewest unknown alleles (first on ties). */
export function representativeRows(
  sources: readonly string[],
  codes: Uint8Array,
  positions: number,
): Uint8Array {
  const best = new Map<string, { row: number; unknown: number }>();
  sources.forEach((source, row) => {
    let unknown = 0;
    for (let p = 0; p < positions; p++) if (!isKnown(codes[row * positions + p]!, 4)) unknown++;
    const held = best.get(source);
    if (!held || unknown < held.unknown) best.set(source, { row, unknown });
  });
  const representative = new Uint8Array(sources.length);
  for (const { row } of best.values()) representative[row] = 1;
  return representative;
}

export interface ExemplarTableInput {
  data: TrainingData;
  sources: readonly string[];
  aligned: readonly string[];
  reference: string;
  classNames: readonly string[];
  perClass: number;
  /** Exact mutations of a source sample, when known (e.g. the labeled tip it was made from). */
  sourceMutations?: ReadonlyMap<string, string>;
}

/** `exemplars.tsv`: header `id\tlabel\tmutations`, rows by class then id. */
export function exemplarTable(input: ExemplarTableInput): string {
  const { data, perClass } = input;
  const all = Array.from({ length: data.labels.length }, (_, row) => row);
  const rows = all.filter((row) => data.representative[row] === 1);
  const chosen = Array.from(selectExemplars(exemplarSetOf(data, all), perClass), (i) => rows[i]!);
  chosen.sort(
    (a, b) =>
      data.labels[a]! - data.labels[b]! ||
      (input.sources[a]! < input.sources[b]! ? -1 : input.sources[a]! > input.sources[b]! ? 1 : 0),
  );
  const lines = ['id\tlabel\tmutations'];
  for (const row of chosen) {
    const source = input.sources[row]!;
    const mutations =
      input.sourceMutations?.get(source) ??
      mutationsOfAligned(input.aligned[row]!, input.reference);
    lines.push(`${source}\t${input.classNames[data.labels[row]!]!}\t${mutations}`);
  }
  return `${lines.join('\n')}\n`;
}
