/** Input schemas of the alignment, QC and mutation operations. */
import { z } from 'zod';

const id = z.number().int().positive();
const page = {
  offset: z.number().int().nonnegative().default(0),
  limit: z.number().int().positive().max(5000).default(200),
};
const direction = z.enum(['asc', 'desc']);

export const analyzeDatasetInput = z.object({
  datasetId: id,
  /** Detected from the sequences when omitted. */
  pathogenId: z.string().min(1).optional(),
  /** Align again even when an analysis with the same reference exists. */
  force: z.boolean().default(false),
});

export const listAnalysesInput = z.object({ datasetId: id });
export const analysisIdInput = z.object({ analysisId: id });

export const qcSortColumns = [
  'ordinal',
  'seqId',
  'qcScore',
  'substitutionCount',
  'missingCount',
] as const;

export const listQcInput = z.object({
  analysisId: id,
  filter: z
    .object({
      verdict: z.enum(['good', 'mediocre', 'bad', 'failed']).optional(),
      idContains: z.string().max(200).optional(),
      /** Only these sequences (a selection made on the cluster plot). */
      seqIds: z.array(z.string().min(1)).max(200_000).optional(),
      /** Only the sequences carrying this mutation label (click-through from the table). */
      mutation: z.string().max(200).optional(),
    })
    .default({}),
  sort: z
    .object({ column: z.enum(qcSortColumns), direction })
    .default({ column: 'ordinal', direction: 'asc' }),
  ...page,
});

export const getSequenceResultInput = z.object({ analysisId: id, seqId: z.string().min(1) });

export const mutationSortColumns = ['position', 'count', 'label', 'gene'] as const;

export const mutationQuery = z.object({
  analysisId: id,
  filter: z
    .object({
      gene: z.string().max(100).optional(),
      kind: z.enum(['substitution', 'deletion', 'insertion']).optional(),
      minPosition: z.number().int().positive().optional(),
      maxPosition: z.number().int().positive().optional(),
      minFrequency: z.number().min(0).max(1).optional(),
      maxFrequency: z.number().min(0).max(1).optional(),
      labelContains: z.string().max(200).optional(),
    })
    .default({}),
  sort: z
    .object({ column: z.enum(mutationSortColumns), direction })
    .default({ column: 'position', direction: 'asc' }),
});

export const listMutationsInput = mutationQuery.extend(page);

export const exportAnalysisInput = z.object({
  analysisId: id,
  /** qc: per-sequence QC; calls: per-sequence mutations; mutations: the dataset table; aligned: FASTA. */
  table: z.enum(['qc', 'calls', 'mutations', 'aligned']),
  format: z.enum(['tsv', 'csv', 'json', 'ndjson', 'fasta']),
});

export type AnalyzeDatasetInput = z.input<typeof analyzeDatasetInput>;
export type ListQcInput = z.input<typeof listQcInput>;
export type ListMutationsInput = z.input<typeof listMutationsInput>;
export type ExportAnalysisInput = z.input<typeof exportAnalysisInput>;
