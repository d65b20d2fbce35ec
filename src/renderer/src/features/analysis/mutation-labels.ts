/**
 * Mutation labels as analysts write them (Nextclade style), the same as the core's labels
 * in the dataset-wide table: the renderer cannot import the core, so they are spelled here.
 */
import type {
  AaDeletion,
  AaSubstitution,
  FrameShift,
  NucDeletion,
  NucInsertion,
  NucRange,
  NucSubstitution,
  StopCodon,
} from '../../../../shared/analysis-types';

/** `C241T` */
export function formatNucSubstitution(substitution: NucSubstitution): string {
  return `${substitution.refNuc}${substitution.position}${substitution.queryNuc}`;
}

/** `21765-21770` for a run of deleted positions, `28271` for a single one. */
export function formatDeletion(deletion: NucDeletion): string {
  const end = deletion.start + deletion.length - 1;
  return deletion.length === 1 ? `${deletion.start}` : `${deletion.start}-${end}`;
}

/** `22204:GAGCC` (bases inserted after position 22204). */
export function formatInsertion(insertion: NucInsertion): string {
  return `${insertion.position}:${insertion.bases}`;
}

/** `1-54` */
export function formatRange(range: NucRange): string {
  return range.start === range.end ? `${range.start}` : `${range.start}-${range.end}`;
}

/** `S:N501Y` */
export function formatAaSubstitution(substitution: AaSubstitution): string {
  return `${substitution.gene}:${substitution.refAa}${substitution.codon}${substitution.queryAa}`;
}

/** `S:H69-` */
export function formatAaDeletion(deletion: AaDeletion): string {
  return `${deletion.gene}:${deletion.refAa}${deletion.codon}-`;
}

/** `ORF8:codons 27-29 (nuc 27972-27978)` */
export function formatFrameShift(shift: FrameShift): string {
  const codons =
    shift.codonStart === shift.codonEnd
      ? `codon ${shift.codonStart}`
      : `codons ${shift.codonStart}-${shift.codonEnd}`;
  return `${shift.gene}:${codons} (nuc ${shift.nucStart}-${shift.nucEnd})`;
}

/** `ORF8:Q27*` is not knowable without the reference codon: `ORF8:27*`. */
export function formatStopCodon(stop: StopCodon): string {
  return `${stop.gene}:${stop.codon}*`;
}
