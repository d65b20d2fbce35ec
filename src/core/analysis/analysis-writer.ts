/**
 * The rows of one analysis as its alignments come in: one result per sequence (with its QC
 * and nearest labeled reference), the verdict tallies and, at the end, the mutation table.
 * Its caller holds the transaction.
 */
import type { AlignmentOutcome, QcVerdict } from '../../shared/analysis-types';
import type { Gene } from '../pathogens/types';
import type { RegistryDb } from '../registry/db';
import { mutationEntries } from './mutation-entries';
import type { QcConfig } from './qc/config';
import type { PlacementIndex } from '../tree/placement';
import {
  findNearestNode,
  findNearestReference,
  type LabeledReferences,
} from './qc/labeled-references';
import { runQc } from './qc/run-qc';

export interface SequenceBatchRow {
  id: number;
  ordinal: number;
  seq_id: string;
  sequence: string;
}

interface CountedMutation {
  kind: string;
  position: number;
  gene: string | null;
  aaChanges: Set<string>;
  carriers: number[];
}

export class AnalysisWriter {
  aligned = 0;
  failed = 0;
  readonly verdicts: Record<QcVerdict, number> = { good: 0, mediocre: 0, bad: 0 };
  private readonly mutations = new Map<string, CountedMutation>();
  private readonly insertResult;
  private readonly insertMutation;
  private readonly insertCarrier;

  constructor(
    client: RegistryDb['$client'],
    private readonly scoring: {
      labeled: LabeledReferences;
      qc: QcConfig;
      genes: Gene[];
      /** The pathogen's tree and reference: QC's private mutations are against its nearest node. */
      tree: { index: PlacementIndex; reference: string } | null;
    },
  ) {
    this.insertResult = client.prepare(
      `INSERT INTO sequence_results (analysis_id, ordinal, seq_id, failure, calls, qc, qc_score, qc_verdict, nearest,
         substitution_count, deletion_count, insertion_count, missing_count)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertMutation = client.prepare(
      `INSERT INTO mutation_counts (analysis_id, label, kind, position, gene, aa_changes, count, frequency)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertCarrier = client.prepare(
      'INSERT INTO mutation_carriers (mutation_id, result_id) VALUES (?, ?)',
    );
  }

  /** Stores one sequence's outcome: its failure, or its calls scored by QC and counted. */
  storeOutcome(analysisId: number, row: SequenceBatchRow, outcome: AlignmentOutcome): void {
    if (!outcome.ok) {
      this.failed += 1;
      this.insertResult.run(
        analysisId,
        row.ordinal,
        row.seq_id,
        outcome.reason,
        null,
        null,
        null,
        null,
        null,
        0,
        0,
        0,
        0,
      );
      return;
    }
    this.aligned += 1;
    const { calls } = outcome;
    const { labeled, tree } = this.scoring;
    const match = tree
      ? findNearestNode(labeled, tree.index, calls, tree.reference)
      : findNearestReference(labeled, calls);
    const qc = runQc(calls, { config: this.scoring.qc, nearest: match! });
    this.verdicts[qc.verdict] += 1;
    const missingCount = calls.missing.reduce((sum, r) => sum + r.end - r.start + 1, 0);
    const resultId = Number(
      this.insertResult.run(
        analysisId,
        row.ordinal,
        row.seq_id,
        null,
        JSON.stringify(calls),
        JSON.stringify(qc),
        qc.overallScore,
        qc.verdict,
        match ? JSON.stringify(match.nearest) : null,
        calls.substitutions.length,
        calls.deletions.length,
        calls.insertions.length,
        missingCount,
      ).lastInsertRowid,
    );
    for (const mutation of mutationEntries(calls, this.scoring.genes)) {
      let counted = this.mutations.get(mutation.label);
      if (!counted) {
        counted = { ...mutation, aaChanges: new Set(), carriers: [] };
        this.mutations.set(mutation.label, counted);
      }
      for (const aa of mutation.aaChanges) counted.aaChanges.add(aa);
      counted.carriers.push(resultId);
    }
  }

  /** Stores the mutation table: each mutation's count and frequency, and its carriers. */
  storeMutationTable(analysisId: number): void {
    for (const [label, m] of this.mutations) {
      const mutationId = Number(
        this.insertMutation.run(
          analysisId,
          label,
          m.kind,
          m.position,
          m.gene,
          m.aaChanges.size ? [...m.aaChanges].join(',') : null,
          m.carriers.length,
          this.aligned ? m.carriers.length / this.aligned : 0,
        ).lastInsertRowid,
      );
      for (const resultId of m.carriers) this.insertCarrier.run(mutationId, resultId);
    }
  }
}
