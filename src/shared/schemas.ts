/**
 * Input schemas of every operation. Each front (IPC, HTTP, CLI) validates with these
 * before any core code runs.
 */
import { z } from 'zod';

const datasetId = z.number().int().positive();

export const fileRefSchema = z.object({
  /**
   * Absolute path on the machine that runs the core (Electron main, the CLI). Over HTTP, the
   * id `POST /api/uploads` answered (`upload:<uuid>`), or a path under a folder the server
   * was started with (`serve --allow-path`); any other path is refused.
   */
  path: z.string().min(1),
  /** Name shown to the analyst (the original file name of an upload). */
  name: z.string().min(1).optional(),
});

export const importFilesInput = z.object({
  files: z.array(fileRefSchema).min(1, 'at least one sequence file is needed'),
  metadata: fileRefSchema.optional(),
  name: z.string().trim().min(1).max(200).optional(),
});

export const jobIdInput = z.object({ jobId: z.string().min(1) });
export const datasetIdInput = z.object({ datasetId });
export const emptyInput = z.object({}).strict().optional();

export const sequenceSortColumns = [
  'seqId',
  'length',
  'nFraction',
  'gcFraction',
  'ambiguousCount',
  'ordinal',
] as const;

export const sequenceQuery = z.object({
  datasetId,
  filter: z
    .object({
      idContains: z.string().max(200).optional(),
      /** Only these sequences (a selection made on the cluster plot). */
      seqIds: z.array(z.string().min(1)).max(200_000).optional(),
      minLength: z.number().int().nonnegative().optional(),
      maxLength: z.number().int().nonnegative().optional(),
      maxNFraction: z.number().min(0).max(1).optional(),
      minGcFraction: z.number().min(0).max(1).optional(),
      maxGcFraction: z.number().min(0).max(1).optional(),
    })
    .default({}),
  sort: z
    .object({
      column: z.enum(sequenceSortColumns),
      direction: z.enum(['asc', 'desc']),
    })
    .default({ column: 'ordinal', direction: 'asc' }),
});

export const listSequencesInput = sequenceQuery.extend({
  offset: z.number().int().nonnegative().default(0),
  limit: z.number().int().positive().max(5000).default(200),
});

export const exportSequencesInput = sequenceQuery.extend({
  format: z.enum(['tsv', 'csv']),
});

export type ImportFilesInput = z.input<typeof importFilesInput>;
export type ListSequencesInput = z.input<typeof listSequencesInput>;
export type ExportSequencesInput = z.input<typeof exportSequencesInput>;
export type SequenceSortColumn = (typeof sequenceSortColumns)[number];
export type FileRef = z.infer<typeof fileRefSchema>;
