/** Mutation labels as analysts write them (Nextclade style). */
import type {
  AaDeletion,
  AaSubstitution,
  NucDeletion,
  NucInsertion,
  NucSubstitution,
} from '../../../shared/analysis-types';

/** `C241T` */
export function formatNucSubstitution(s: NucSubstitution): string {
  return `${s.refNuc}${s.position}${s.queryNuc}`;
}

/** `21765-21770` for a run of deleted positions, `28271` for a single one. */
export function formatDeletion(d: NucDeletion): string {
  return d.length === 1 ? `${d.start}` : `${d.start}-${d.start + d.length - 1}`;
}

/** `22204:GAGCCAGAA` (bases inserted after position 22204). */
export function formatInsertion(i: NucInsertion): string {
  return `${i.position}:${i.bases}`;
}

/** `S:N501Y` */
export function formatAaSubstitution(s: AaSubstitution): string {
  return `${s.gene}:${s.refAa}${s.codon}${s.queryAa}`;
}

/** `ORF1a:S3675-` */
export function formatAaDeletion(d: AaDeletion): string {
  return `${d.gene}:${d.refAa}${d.codon}-`;
}
