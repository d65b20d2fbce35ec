/**
 * Request and response shapes of the classification API, in zod: the handlers parse the
 * requests with them, and the OpenAPI document is generated from them (`z.toJSONSchema`).
 * The response schemas are checked against the shared types, so the two cannot drift.
 */
import { z } from 'zod';
import {
  unassignedReasons,
  type ModelVersionSummary,
  type Prediction,
} from '../shared/classify-types';
import { residuesSchema, sequenceIdSchema, sequenceRecordsSchema } from './sequence-body';

export const modelIdSchema = z
  .number()
  .int()
  .positive()
  .meta({ description: 'A registered model version id (GET /models/current lists them)' });
export const pathogenIdSchema = z
  .string()
  .min(1)
  .max(100)
  .meta({ description: 'A pathogen id (GET /info lists them), e.g. sars-cov-2' });

const modelChoice = {
  /** Omitted: the production model of `pathogen`, or of the pathogen detected. */
  model: modelIdSchema.optional(),
  /** Omitted (with no model): detected from the sequences. */
  pathogen: pathogenIdSchema.optional(),
};

/** The query string of the classification routes (`token` is the access token). */
export const classifyQuerySchema = z
  .object({
    model: z
      .string()
      .regex(/^[1-9]\d*$/, 'must be a model version id (a positive integer)')
      .transform(Number)
      .optional()
      .meta({ description: 'A registered model version id' }),
    pathogen: pathogenIdSchema.optional(),
    token: z.string().optional().meta({ description: 'The access token, when one is set' }),
  })
  .strict();

export const classifyBodySchema = z
  .object({
    fasta: z.string().optional().meta({ description: 'FASTA text' }),
    sequences: sequenceRecordsSchema.optional(),
    ...modelChoice,
  })
  .strict()
  .meta({ description: 'Either fasta or sequences, and optionally the model or the pathogen' })
  .superRefine((body, context) => {
    if ((body.fasta === undefined) === (body.sequences === undefined))
      context.addIssue({
        code: 'custom',
        message: `give either fasta (FASTA text) or sequences ([{ id, sequence }])${body.fasta === undefined ? '' : ', not both'}`,
      });
  });

export const fastaTextSchema = z.string().meta({
  description: 'FASTA text: records of a header line (>id description) and sequence lines',
});

export const predictBodySchema = z
  .object({ id: sequenceIdSchema.optional(), sequence: residuesSchema, ...modelChoice })
  .strict();

export const predictBatchBodySchema = z
  .object({ sequences: sequenceRecordsSchema, ...modelChoice })
  .strict();

export const currentModelsQuerySchema = z
  .object({ pathogen: pathogenIdSchema.optional(), token: z.string().optional() })
  .strict();

export const modelRefSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  version: z.string(),
  task: z.string(),
  pathogenId: z.string(),
});

const labelProbability = z.object({ label: z.string(), probability: z.number() });

const treePlacementSchema = z
  .object({
    node: z.string().meta({ description: 'The nearest node of the reference tree' }),
    clade: z.string().meta({
      description:
        "The tree's call: the node's clade, or 'recombinant' for a mosaic where the tree has that clade",
    }),
    nodeClade: z.string().meta({ description: "The node's clade_membership" }),
    distance: z.number().int().meta({ description: "Nextclade's distance over covered positions" }),
    nodesAtBest: z
      .number()
      .int()
      .meta({ description: 'Nodes at the best distance (1: unambiguous)' }),
    cladeShare: z.number().meta({ description: 'Share of the clade among those nodes' }),
    otherClades: z.array(z.object({ clade: z.string(), share: z.number() })),
    privateMutations: z.object({
      reversions: z.array(z.string()),
      labeled: z.array(z.object({ mutation: z.string(), clade: z.string() })),
      unlabeled: z.array(z.string()),
      deletions: z.array(z.string()),
      aaSubstitutions: z.array(z.string()),
      aaReversions: z.array(z.string()),
    }),
    recombinant: z
      .object({
        parents: z.tuple([
          z.object({ node: z.string(), clade: z.string() }),
          z.object({ node: z.string(), clade: z.string() }),
        ]),
        breakpoints: z.array(z.object({ after: z.number().int(), before: z.number().int() })),
        singleMismatches: z.number().int(),
        mosaicMismatches: z.number().int(),
      })
      .nullable()
      .meta({ description: 'Two nodes of different clades that explain it much better, or null' }),
  })
  .meta({ description: "Placement on the pathogen's reference tree, as Nextclade places" });

export const predictionSchema = z.object({
  id: z.string(),
  label: z.string().nullable().meta({ description: "The model's label, or null when unassigned" }),
  confidence: z.number().meta({ description: 'Calibrated probability of the most probable label' }),
  status: z.enum(['assigned', 'unassigned']),
  reason: z.enum(unassignedReasons).optional(),
  detail: z.string().optional(),
  top: z.array(labelProbability),
  fallbackLabel: z.string().nullable(),
  fallbackExemplar: z.string().nullable(),
  fallbackDistance: z.number().nullable(),
  recombinant: z
    .object({ parents: z.tuple([z.string(), z.string()]), breakpoint: z.number().int() })
    .nullable(),
  tree: treePlacementSchema.nullable(),
  model: z.string(),
  modelVersion: z.string(),
});

export const classifyResponseSchema = z.object({
  model: modelRefSchema,
  predictions: z.array(predictionSchema),
  summary: z.object({
    total: z.number().int(),
    assigned: z.number().int(),
    unassigned: z.number().int(),
    labels: z
      .record(z.string(), z.number().int())
      .meta({ description: 'Assigned sequences per label, most frequent first' }),
  }),
});

export const predictResponseSchema = z.object({
  model: modelRefSchema,
  prediction: predictionSchema,
});
export const predictBatchResponseSchema = z.object({
  model: modelRefSchema,
  predictions: z.array(predictionSchema),
});

const headlineSchema = z.object({
  accuracy: z.number().nullable(),
  macroF1: z.number().nullable(),
  weightedF1: z.number().nullable(),
  logLoss: z.number().nullable(),
  coverage: z.number().nullable(),
});

export const currentModelSchema = modelRefSchema.extend({
  labels: z.array(z.string()),
  confidenceThreshold: z.number(),
  headline: headlineSchema,
});

export const currentModelsResponseSchema = z.object({ models: z.array(currentModelSchema) });

export const infoResponseSchema = z.object({
  service: z.string(),
  version: z.string(),
  startedAt: z.string(),
  uptimeSeconds: z.number(),
  pathogens: z.array(
    z.object({ id: z.string(), name: z.string(), genomeLength: z.number().int() }),
  ),
  models: z.array(modelRefSchema),
});

export const errorResponseSchema = z.object({
  kind: z.enum(['invalid-input', 'not-found', 'conflict', 'internal']),
  message: z.string(),
});

// The response schemas describe the shared types exactly (checked at compile time).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type ModelRef = Pick<ModelVersionSummary, 'id' | 'name' | 'version' | 'task' | 'pathogenId'>;
const _responseTypesMatch: [
  Same<z.output<typeof predictionSchema>, Prediction>,
  Same<z.output<typeof modelRefSchema>, ModelRef>,
  Same<z.output<typeof headlineSchema>, ModelVersionSummary['headline']>,
] = [true, true, true];

export type ModelRefOut = z.output<typeof modelRefSchema>;
export type ClassifyResponse = z.output<typeof classifyResponseSchema>;
export type CurrentModel = z.output<typeof currentModelSchema>;
