/**
 * The aligner of one pathogen: indexes the reference once, then aligns sequences one at a
 * time (seed, chain, DP between anchors) and calls their mutations.
 */
import type { AlignmentOutcome, SequenceCalls } from '../../../shared/analysis-types';
import type { Pathogen } from '../../pathogens/types';
import { createAlignmentBuilder, resetAlignmentBuilder } from './alignment-builder';
import type { DpInputs } from './banded-dp';
import { buildAlignment } from './build-alignment';
import { callAminoAcids } from './call-amino-acids';
import { callNucleotides } from './call-nucleotides';
import { chainAnchors, type Chain } from './chain-anchors';
import { clipStrandedEnds } from './clip-ends';
import { buildKmerIndex, seedLength, type KmerIndex } from './kmer-index';
import { CODE_OF_MASK, encodeSequence, N, reverseComplement } from './nuc-codes';
import { gapOpenCosts } from './scoring';
import { findAnchors, type Anchors } from './seed-anchors';
import { alignmentIdentity, MIN_ANCHORED_FRACTION, MIN_IDENTITY } from './thresholds';

export interface Aligner {
  readonly pathogen: Pathogen;
  /** Seed length (k-mer size) of the reference index. */
  readonly k: number;
  /** Aligns one sequence (IUPAC letters, as a string or ASCII bytes); never throws. */
  align(sequence: string | Uint8Array): AlignmentOutcome;
}

interface Strand {
  query: Uint8Array;
  from: number;
  to: number;
  anchors: Anchors;
  chain: Chain;
}

/** Query range without leading and trailing N (they carry no information). */
function informativeRange(query: Uint8Array): { from: number; to: number } {
  let from = 0;
  let to = query.length;
  while (from < to && query[from] === N) from += 1;
  while (to > from && query[to - 1] === N) to -= 1;
  return { from, to };
}

function countBases(query: Uint8Array): number {
  let count = 0;
  for (let i = 0; i < query.length; i += 1) if (CODE_OF_MASK[query[i]!]! >= 0) count += 1;
  return count;
}

export function createAligner(pathogen: Pathogen): Aligner {
  const refText = pathogen.reference.sequence;
  const ref = encodeSequence(refText);
  const k = seedLength(ref.length);
  const index: KmerIndex = buildKmerIndex(ref, k);
  const gapOpen = gapOpenCosts(ref.length, pathogen.genes);
  const preferRight = pathogen.gapSide === 'right';
  const name = pathogen.id;
  // Reused from one sequence to the next (nothing returned points into them).
  let encoded = Buffer.allocUnsafe(0);
  const alignment = createAlignmentBuilder(ref.length);

  const seedStrand = (query: Uint8Array): Strand => {
    const { from, to } = informativeRange(query);
    const anchors = findAnchors(query, from, to, ref, index);
    return { query, from, to, anchors, chain: chainAnchors(anchors) };
  };

  const alignEncoded = (forward: Uint8Array): AlignmentOutcome => {
    const bases = countBases(forward);
    if (bases === 0)
      return { ok: false, reason: 'no A, C, G or T in the sequence (only N or ambiguity codes)' };
    let strand = seedStrand(forward);
    let reverse = false;
    if (strand.chain.anchoredBases < 0.5 * bases) {
      const other = seedStrand(reverseComplement(forward));
      if (other.chain.anchoredBases > strand.chain.anchoredBases) {
        strand = other;
        reverse = true;
      }
    }
    if (strand.chain.members.length === 0)
      return {
        ok: false,
        reason: `no ${k}-mer seed matches the ${name} reference: wrong pathogen or not a genome?`,
      };
    const anchored = strand.chain.anchoredBases / bases;
    if (anchored < MIN_ANCHORED_FRACTION)
      return {
        ok: false,
        reason: `only ${(100 * anchored).toFixed(1)}% of the sequence matches the ${name} reference in exact ${k}-mer seeds (needs ${100 * MIN_ANCHORED_FRACTION}%): wrong pathogen or not a genome?`,
      };
    const inputs: DpInputs = { ref, query: strand.query, gapOpen, preferRight };
    resetAlignmentBuilder(alignment);
    if (!buildAlignment(inputs, strand.anchors, strand.chain, strand.from, strand.to, alignment))
      return { ok: false, reason: `too divergent from the ${name} reference to align` };
    clipStrandedEnds(alignment);
    const nucleotides = callNucleotides(alignment, ref, refText, strand.query);
    const identity = alignmentIdentity(nucleotides);
    if (identity < MIN_IDENTITY)
      return {
        ok: false,
        reason: `only ${(100 * identity).toFixed(1)}% identity with the ${name} reference (needs ${100 * MIN_IDENTITY}%): wrong pathogen?`,
      };
    const aminoAcids = callAminoAcids(alignment.aligned, ref, pathogen.genes, nucleotides);
    const calls: SequenceCalls = { ...nucleotides, reverseComplemented: reverse, ...aminoAcids };
    return { ok: true, calls };
  };

  return {
    pathogen,
    k,
    align(sequence: string | Uint8Array): AlignmentOutcome {
      try {
        if (encoded.length < sequence.length) encoded = Buffer.allocUnsafe(2 * sequence.length);
        return alignEncoded(encodeSequence(sequence, encoded));
      } catch (error) {
        return {
          ok: false,
          reason: `alignment failed: ${error instanceof Error ? error.message : String(error)}`,
        };
      }
    },
  };
}
