/** Hand-built alignment calls and labeled references for the QC tests. */
import { fileURLToPath } from 'node:url';
import type { SequenceCalls } from '../../../../src/shared/analysis-types';
import {
  parseLabeledReferences,
  type LabeledReferences,
} from '../../../../src/core/analysis/qc/labeled-references';

export const SARS_COV_2_LENGTH = 29903;

export function pathogenDir(id: string): string {
  return fileURLToPath(new URL(`../../../../resources/pathogens/${id}`, import.meta.url));
}

/** Calls covering 1..length with no mutation, overridden by `partial`. */
export function makeCalls(
  partial: Partial<SequenceCalls> = {},
  length = SARS_COV_2_LENGTH,
): SequenceCalls {
  return {
    alignmentStart: 1,
    alignmentEnd: length,
    reverseComplemented: false,
    substitutions: [],
    deletions: [],
    insertions: [],
    missing: [],
    ambiguous: [],
    aaSubstitutions: [],
    aaDeletions: [],
    frameShifts: [],
    stopCodons: [],
    ...partial,
  };
}

/** `C241T G300-` -> substitutions and one-base deletions, as an aligner would call them. */
export function callsFromMutations(
  mutations: string,
  partial: Partial<SequenceCalls> = {},
): SequenceCalls {
  const calls = makeCalls(partial);
  for (const token of mutations.split(' ').filter(Boolean)) {
    const [, refNuc, position, alt] = /^([A-Z])(\d+)([A-Z-])$/.exec(token)!;
    if (alt === '-') calls.deletions.push({ start: Number(position), length: 1 });
    else calls.substitutions.push({ position: Number(position), refNuc: refNuc!, queryNuc: alt! });
  }
  return calls;
}

/** `[name, clade, mutations]` rows -> an index, pango = name. */
export function labeledReferences(rows: [string, string, string][]): LabeledReferences {
  const lines = rows.map(([name, clade, mutations]) => {
    const count = mutations.split(' ').filter(Boolean).length;
    return [name, clade, name, count, mutations].join('\t');
  });
  return parseLabeledReferences(
    ['name\tclade\tpango\tn_mutations\tmutations', ...lines].join('\n'),
  );
}

/** Substitutions A>G at the given positions. */
export function substitutionsAt(positions: number[]): SequenceCalls['substitutions'] {
  return positions.map((position) => ({ position, refNuc: 'A', queryNuc: 'G' }));
}
