/** The classification report's zod schema; the report type is inferred from it so they cannot drift. */
import { z } from 'zod';

const rate = z.number().min(0).max(1);

export const classReportSchema = z.object({
  classIndex: z.int().min(0),
  /** The class's name, when the caller gave a label map. */
  label: z.string().optional(),
  precision: rate,
  recall: rate,
  f1: rate,
  support: z.int().min(0),
  /** One-vs-rest; null when the class is absent from the true labels (or is all of them). */
  rocAuc: rate.nullable(),
});

export const reliabilityBinSchema = z.object({
  lower: rate,
  upper: rate,
  count: z.int().min(0),
  meanConfidence: rate.nullable(),
  accuracy: rate.nullable(),
});

export const classificationReportSchema = z.object({
  rows: z.int().min(1),
  numClasses: z.int().min(1),
  accuracy: rate,
  macroF1: rate,
  weightedF1: rate,
  macroRocAuc: rate.nullable(),
  logLoss: z.number().min(0),
  perClass: z.array(classReportSchema),
  /** confusionMatrix[true][predicted] counts. */
  confusionMatrix: z.array(z.array(z.int().min(0))),
  calibration: z.object({ ece: rate, bins: z.array(reliabilityBinSchema) }),
  topK: z.array(z.object({ k: z.int().min(1), accuracy: rate })),
  /** Share of rows the model assigned (did not decline); 1 without a declined mask. */
  coverage: rate,
  assigned: z.int().min(0),
  /** Accuracy among assigned rows; null when the model declined every row. */
  accuracyAssigned: rate.nullable(),
});

export type ClassReport = z.infer<typeof classReportSchema>;
export type ClassificationReport = z.infer<typeof classificationReportSchema>;
