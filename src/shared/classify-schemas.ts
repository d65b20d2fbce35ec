/** Input schemas of the model registry and classification operations. */
import { z } from 'zod';
import { fileRefSchema } from './schemas';
import { unassignedReasons } from './classify-types';

const id = z.number().int().positive();
const direction = z.enum(['asc', 'desc']);

export const listModelsInput = z
  .object({ pathogenId: z.string().min(1).optional() })
  .strict()
  .optional();
export const modelIdInput = z.object({ modelId: id });
export const importModelInput = z.object({ file: fileRefSchema });

export const detectPathogenInput = z.object({ datasetId: id });

export const classifyDatasetInput = z.object({
  datasetId: id,
  /** A registered model version; omitted, the pathogen's `production` model. */
  modelId: id.optional(),
  /** Detected from the sequences when omitted (and no model is given). */
  pathogenId: z.string().min(1).optional(),
});

export const listClassificationsInput = z.object({ datasetId: id.optional() }).strict().optional();
export const classificationIdInput = z.object({ classificationId: id });
export const compareClassificationsInput = z
  .object({
    leftId: id,
    rightId: id,
    /** How many differing sequences to list (all are counted). */
    limit: z.number().int().positive().max(10_000).default(1000),
  })
  .refine((input) => input.leftId !== input.rightId, {
    message: 'choose two different runs to compare',
    path: ['rightId'],
  });

export const predictionSortColumns = [
  'ordinal',
  'seqId',
  'label',
  'confidence',
  'fallbackDistance',
] as const;

export const predictionFilter = z
  .object({
    /** Only sequences assigned (or, with status unassigned, most probably) this label. */
    label: z.string().min(1).max(200).optional(),
    status: z.enum(['assigned', 'unassigned']).optional(),
    reason: z.enum(unassignedReasons).optional(),
    minConfidence: z.number().min(0).max(1).optional(),
    maxConfidence: z.number().min(0).max(1).optional(),
    qcVerdict: z.enum(['good', 'mediocre', 'bad', 'failed']).optional(),
    idContains: z.string().max(200).optional(),
    recombinant: z.boolean().optional(),
  })
  .default({});

export const predictionQuery = z.object({
  classificationId: id,
  filter: predictionFilter,
  sort: z
    .object({ column: z.enum(predictionSortColumns), direction })
    .default({ column: 'ordinal', direction: 'asc' }),
});

export const listPredictionsInput = predictionQuery.extend({
  offset: z.number().int().nonnegative().default(0),
  limit: z.number().int().positive().max(5000).default(200),
});

export const getPredictionInput = z.object({ classificationId: id, seqId: z.string().min(1) });

export const exportClassificationInput = predictionQuery.extend({
  format: z.enum(['tsv', 'csv', 'json', 'ndjson']),
});

/** The reference tree with a run's placed sequences attached. */
export const exportTreeInput = z.object({
  classificationId: id,
  format: z.enum(['auspice', 'newick']).default('auspice'),
});

/** A pathogen's reference tree, with a stored run's sequences placed on it when given. */
export const getTreeViewInput = z
  .object({ pathogenId: z.string().min(1), classificationId: id.optional() })
  .strict();

export type ClassifyDatasetInput = z.input<typeof classifyDatasetInput>;
export type ListPredictionsInput = z.input<typeof listPredictionsInput>;
export type PredictionFilter = z.output<typeof predictionFilter>;
export type PredictionSortColumn = (typeof predictionSortColumns)[number];
export type ExportClassificationInput = z.input<typeof exportClassificationInput>;
