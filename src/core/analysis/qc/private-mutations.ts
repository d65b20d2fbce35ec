/**
 * Private mutations of a sequence relative to its nearest labeled reference, split the way
 * Nextclade splits them (`find_private_nuc_mutations`): reversions, labeled (the genotype is
 * carried by some labeled reference, i.e. seen in the tree) and unlabeled substitutions, plus
 * private deletions. Only covered positions count.
 */
import type { NucRange } from '../../../shared/analysis-types';
import { isCovered, type QueryMutation } from './coverage';
import type { LabeledReferences } from './labeled-references';

export interface PrivateSubstitution {
  position: number;
  /** The nearest reference's base ('-' where it has a deletion). */
  tipNuc: string;
  queryNuc: string;
}

export interface LabeledSubstitution extends PrivateSubstitution {
  /** Clades of the labeled references that carry the same base at this position. */
  clades: string[];
}

export interface PrivateMutations {
  /** The nearest reference is mutated here, the sequence has the reference base. */
  reversions: PrivateSubstitution[];
  labeled: LabeledSubstitution[];
  unlabeled: PrivateSubstitution[];
  /** Runs of positions deleted in the sequence but not in the nearest reference. */
  deletions: NucRange[];
  /**
   * Positions deleted in the nearest reference where the sequence has the reference base.
   * They count in the distance but, as in Nextclade, not in the QC score.
   */
  undeletions: number[];
}

const DASH = '-'.charCodeAt(0);

export function classifyPrivateMutations(
  references: LabeledReferences,
  tip: number,
  mutations: QueryMutation[],
  uncovered: NucRange[],
): PrivateMutations {
  const { tipOffsets, tipPositions, tipAlts, refNucAt } = references;
  const tipAltAt = new Map<number, number>();
  for (let i = tipOffsets[tip]!; i < tipOffsets[tip + 1]!; i += 1) {
    tipAltAt.set(tipPositions[i]!, tipAlts[i]!);
  }
  return privateMutationsAgainst(references, tipAltAt, mutations, uncovered, (p) => refNucAt[p]!);
}

/**
 * The sequence's private mutations against any node's state (position -> its base), the
 * labeled ones being those some labeled reference carries.
 * @param refNucAt the reference's base (char code) at a 1-based position
 */
export function privateMutationsAgainst(
  references: LabeledReferences,
  tipAltAt: ReadonlyMap<number, number>,
  mutations: QueryMutation[],
  uncovered: NucRange[],
  refNucAt: (position: number) => number,
): PrivateMutations {

  const result: PrivateMutations = {
    reversions: [],
    labeled: [],
    unlabeled: [],
    deletions: [],
    undeletions: [],
  };
  const queryPositions = new Set<number>();
  for (const { position, refNuc, altCode } of mutations) {
    queryPositions.add(position);
    const tipAlt = tipAltAt.get(position);
    if (tipAlt === altCode) continue;
    if (altCode === DASH) {
      addDeletedPosition(result.deletions, position);
      continue;
    }
    const sub: PrivateSubstitution = {
      position,
      tipNuc: tipAlt === undefined ? refNuc : String.fromCharCode(tipAlt),
      queryNuc: String.fromCharCode(altCode),
    };
    const clades = carrierClades(references, position, altCode);
    if (clades.length > 0) result.labeled.push({ ...sub, clades });
    else result.unlabeled.push(sub);
  }

  for (const [position, tipAlt] of tipAltAt) {
    if (queryPositions.has(position) || !isCovered(position, uncovered)) continue;
    if (tipAlt === DASH) result.undeletions.push(position);
    else {
      result.reversions.push({
        position,
        tipNuc: String.fromCharCode(tipAlt),
        queryNuc: String.fromCharCode(refNucAt(position)),
      });
    }
  }
  result.reversions.sort((a, b) => a.position - b.position);
  result.undeletions.sort((a, b) => a - b);
  return result;
}

/** Distinct clades of the tips carrying `altCode` at `position`, sorted. */
function carrierClades(references: LabeledReferences, position: number, altCode: number): string[] {
  const { offsets, entryTip, entryAlt, tips, maxPosition } = references;
  if (position > maxPosition) return [];
  const clades = new Set<string>();
  for (let e = offsets[position]!; e < offsets[position + 1]!; e += 1) {
    if (entryAlt[e] === altCode) clades.add(tips[entryTip[e]!]!.clade);
  }
  return [...clades].sort();
}

/** Positions arrive sorted: extend the last run or start a new one. */
function addDeletedPosition(runs: NucRange[], position: number): void {
  const last = runs[runs.length - 1];
  if (last && last.end === position - 1) last.end = position;
  else runs.push({ start: position, end: position });
}

/** Positions of all private substitutions (reversions included), sorted: the SNP-cluster input. */
export function privateSubstitutionPositions(mutations: PrivateMutations): number[] {
  return [...mutations.reversions, ...mutations.labeled, ...mutations.unlabeled]
    .map((sub) => sub.position)
    .sort((a, b) => a - b);
}
