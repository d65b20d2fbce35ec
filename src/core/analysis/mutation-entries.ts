/** The dataset-wide table's rows for one sequence's calls: label, kind, position, gene, aa changes. */
import type { GeneSummary, MutationKind, SequenceCalls } from '../../shared/analysis-types';
import {
  formatAaDeletion,
  formatAaSubstitution,
  formatDeletion,
  formatInsertion,
  formatNucSubstitution,
} from './align';

export interface MutationEntry {
  label: string;
  kind: MutationKind;
  position: number;
  gene: string | null;
  aaChanges: string[];
}

/** Codon (1-based) of a reference position within a gene, on the gene's strand. */
function codonOf(gene: GeneSummary, position: number): number {
  const offset = gene.strand === '-' ? gene.end - position : position - gene.start;
  return Math.floor(offset / 3) + 1;
}

export function mutationEntries(calls: SequenceCalls, genes: GeneSummary[]): MutationEntry[] {
  const genesAt = (start: number, end: number): GeneSummary[] =>
    genes.filter((gene) => gene.start <= end && gene.end >= start);
  const aaSubs = new Map(
    calls.aaSubstitutions.map((s) => [`${s.gene}:${s.codon}`, formatAaSubstitution(s)]),
  );
  const aaDels = new Map(
    calls.aaDeletions.map((d) => [`${d.gene}:${d.codon}`, formatAaDeletion(d)]),
  );
  const entries: MutationEntry[] = [];

  for (const sub of calls.substitutions) {
    const hit = genesAt(sub.position, sub.position);
    const aaChanges = hit
      .map((gene) => aaSubs.get(`${gene.name}:${codonOf(gene, sub.position)}`))
      .filter((label): label is string => label !== undefined);
    entries.push({
      label: formatNucSubstitution(sub),
      kind: 'substitution',
      position: sub.position,
      gene: hit[0]?.name ?? null,
      aaChanges,
    });
  }
  for (const deletion of calls.deletions) {
    const end = deletion.start + deletion.length - 1;
    const hit = genesAt(deletion.start, end);
    const aaChanges: string[] = [];
    for (const gene of hit) {
      const first = codonOf(gene, gene.strand === '-' ? end : deletion.start);
      const last = codonOf(gene, gene.strand === '-' ? deletion.start : end);
      for (let codon = first; codon <= last; codon += 1) {
        const label = aaDels.get(`${gene.name}:${codon}`);
        if (label) aaChanges.push(label);
      }
    }
    entries.push({
      label: formatDeletion(deletion),
      kind: 'deletion',
      position: deletion.start,
      gene: hit[0]?.name ?? null,
      aaChanges,
    });
  }
  for (const insertion of calls.insertions) {
    entries.push({
      label: formatInsertion(insertion),
      kind: 'insertion',
      position: insertion.position,
      gene: genesAt(insertion.position, insertion.position)[0]?.name ?? null,
      aaChanges: [],
    });
  }
  return entries;
}
