/**
 * Amino-acid calls per gene, codon by codon in reference coordinates. A codon is called
 * only when all three query bases are A/C/G/T (a substitution if it translates
 * differently) or all three are deleted (a deletion); a codon touching N, an ambiguity
 * code, an uncovered end or a frame-shifted stretch is not called. A deletion of whole
 * codons' worth of bases that starts inside a codon joins the bases left of it and right
 * of it into one codon (`mergedCodonCalls`), as translation of the query does.
 */
import type {
  AaDeletion,
  AaSubstitution,
  FrameShift,
  NucDeletion,
  NucInsertion,
  NucSubstitution,
  StopCodon,
} from '../../../shared/analysis-types';
import { CODON_TO_AA } from '../../pathogens/codon-table';
import type { Gene } from '../../pathogens/types';
import { codonOf, findFrameShifts } from './frame-shifts';
import { CODE_OF_MASK, GAP } from './nuc-codes';

export interface AminoAcidCalls {
  aaSubstitutions: AaSubstitution[];
  aaDeletions: AaDeletion[];
  frameShifts: FrameShift[];
  stopCodons: StopCodon[];
}

const UNKNOWN = -1;
const DELETED = -2;

/** Codon index (0..63) of three masks, DELETED if all are gaps, UNKNOWN otherwise. */
function codonCode(m1: number, m2: number, m3: number, minus: boolean): number {
  if (m1 === GAP && m2 === GAP && m3 === GAP) return DELETED;
  const b1 = CODE_OF_MASK[m1]!;
  const b2 = CODE_OF_MASK[m2]!;
  const b3 = CODE_OF_MASK[m3]!;
  if (b1 < 0 || b2 < 0 || b3 < 0) return UNKNOWN;
  // On the minus strand the masks come 5'->3' of the gene; complement of code c is 3 - c.
  return minus ? (3 - b1) * 16 + (3 - b2) * 4 + (3 - b3) : b1 * 16 + b2 * 4 + b3;
}

/** Codons of the gene that hold a substitution or a deleted base, in order. */
function changedCodons(
  gene: Gene,
  substitutions: readonly NucSubstitution[],
  deletions: readonly NucDeletion[],
): number[] {
  const codons = new Set<number>();
  for (const s of substitutions)
    if (s.position >= gene.start && s.position <= gene.end) codons.add(codonOf(gene, s.position));
  for (const d of deletions)
    for (
      let p = Math.max(d.start, gene.start);
      p <= Math.min(d.start + d.length - 1, gene.end);
      p += 1
    )
      codons.add(codonOf(gene, p));
  return [...codons].sort((a, b) => a - b);
}

/** 0-based reference position of base k (0..2) of a codon, in the gene's reading direction. */
function basePosition(gene: Gene, codon: number, k: number): number {
  return gene.strand === '+' ? gene.start + 3 * codon - 4 + k : gene.end - 3 * codon + 2 - k;
}

/**
 * Codons c1..c2 spanned by an out-of-phase deletion of 3n bases: the query has n fewer
 * codons there, one of them formed by the bases around the deletion. It stands for c1 if
 * it translates as c1 does, else for c2 if it translates as c2 does, else for c1 changed;
 * the other codons are deleted. With a base missing or ambiguous, that codon is not called.
 */
function mergedCodonCalls(
  aligned: Uint8Array,
  ref: Uint8Array,
  gene: Gene,
  c1: number,
  c2: number,
  calls: AminoAcidCalls,
): void {
  const minus = gene.strand === '-';
  const kept: number[] = [];
  for (let c = c1; c <= c2; c += 1)
    for (let k = 0; k < 3; k += 1)
      if (aligned[basePosition(gene, c, k)] !== GAP) kept.push(basePosition(gene, c, k));
  if (kept.length !== 3) return;
  const merged = codonCode(aligned[kept[0]!]!, aligned[kept[1]!]!, aligned[kept[2]!]!, minus);
  const refAa = (c: number): string => {
    const code = codonCode(
      ref[basePosition(gene, c, 0)]!,
      ref[basePosition(gene, c, 1)]!,
      ref[basePosition(gene, c, 2)]!,
      minus,
    );
    return code >= 0 ? CODON_TO_AA[code]! : 'X';
  };
  const aa = merged >= 0 ? CODON_TO_AA[merged]! : null;
  const keptAt = aa !== null && aa !== refAa(c1) && aa === refAa(c2) ? c2 : c1;
  if (aa !== null && aa !== refAa(keptAt)) {
    calls.aaSubstitutions.push({
      gene: gene.name,
      codon: keptAt,
      refAa: refAa(keptAt),
      queryAa: aa,
    });
    if (aa === '*') calls.stopCodons.push({ gene: gene.name, codon: keptAt });
  }
  for (let c = c1; c <= c2; c += 1)
    if (c !== keptAt) calls.aaDeletions.push({ gene: gene.name, codon: c, refAa: refAa(c) });
}

export function callAminoAcids(
  aligned: Uint8Array,
  ref: Uint8Array,
  genes: readonly Gene[],
  nucleotides: {
    substitutions: readonly NucSubstitution[];
    deletions: readonly NucDeletion[];
    insertions: readonly NucInsertion[];
  },
): AminoAcidCalls {
  const calls: AminoAcidCalls = {
    aaSubstitutions: [],
    aaDeletions: [],
    frameShifts: [],
    stopCodons: [],
  };
  for (const gene of genes) {
    const shifts = findFrameShifts(gene, nucleotides.deletions, nucleotides.insertions);
    calls.frameShifts.push(...shifts);
    const codonCount = Math.floor((gene.end - gene.start + 1) / 3);
    const minus = gene.strand === '-';
    const step = minus ? -1 : 1;
    const shifted = (codon: number): boolean =>
      shifts.some((s) => codon >= s.codonStart && codon <= s.codonEnd);
    const merged = new Set<number>();
    for (const d of nucleotides.deletions) {
      const end = d.start + d.length - 1;
      if (d.length % 3 !== 0 || d.start < gene.start || end > gene.end) continue;
      const first = codonOf(gene, d.start);
      const last = codonOf(gene, end);
      const c1 = Math.min(first, last);
      const c2 = Math.max(first, last);
      if (c2 - c1 + 1 === d.length / 3 || c2 > codonCount || shifted(c1)) continue; // whole codons: below
      for (let c = c1; c <= c2; c += 1) merged.add(c);
      mergedCodonCalls(aligned, ref, gene, c1, c2, calls);
    }
    for (const codon of changedCodons(gene, nucleotides.substitutions, nucleotides.deletions)) {
      if (codon > codonCount || merged.has(codon) || shifted(codon)) continue;
      // 0-based position of the codon's first base, 5'->3' on the gene's strand.
      const p1 = minus ? gene.end - 3 * codon + 2 : gene.start + 3 * codon - 4;
      const query = codonCode(aligned[p1]!, aligned[p1 + step]!, aligned[p1 + 2 * step]!, minus);
      if (query === UNKNOWN) continue;
      const refCode = codonCode(ref[p1]!, ref[p1 + step]!, ref[p1 + 2 * step]!, minus);
      const refAa = refCode >= 0 ? CODON_TO_AA[refCode]! : 'X';
      if (query === DELETED) {
        calls.aaDeletions.push({ gene: gene.name, codon, refAa });
        continue;
      }
      const queryAa = CODON_TO_AA[query]!;
      if (queryAa === refAa) continue;
      calls.aaSubstitutions.push({ gene: gene.name, codon, refAa, queryAa });
      if (queryAa === '*' && refAa !== '*' && codon < codonCount)
        calls.stopCodons.push({ gene: gene.name, codon });
    }
  }
  return calls;
}
