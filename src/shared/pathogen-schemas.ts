/** Input schemas of the pathogen operations: adding one from files, removing an added one. */
import { z } from 'zod';
import { fileRefSchema } from './schemas';

/** A pathogen id: the folder name, in URLs and model names. */
export const PATHOGEN_ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

export const pathogenIdSchema = z
  .string()
  .min(2, 'a pathogen id has at least 2 characters')
  .max(60, 'a pathogen id has at most 60 characters')
  .regex(
    PATHOGEN_ID_PATTERN,
    'a pathogen id is lower-case letters, digits and dashes, e.g. flu-h1',
  );

export const addPathogenInput = z.object({
  id: pathogenIdSchema,
  name: z
    .string()
    .trim()
    .min(1, 'a pathogen needs a name')
    .max(100, 'a pathogen name has at most 100 characters')
    .regex(/^[^\p{Cc}]*$/u, 'a pathogen name is one line of text'),
  /** FASTA, one nucleotide record. */
  reference: fileRefSchema,
  /** GFF3: gene and CDS features within the reference. */
  annotation: fileRefSchema,
  /** Auspice v2 tree.json fitting the reference. */
  tree: fileRefSchema.optional(),
  /** labeled.tsv: name, clade, pango, n_mutations, mutations (REF<pos>ALT). */
  labeled: fileRefSchema.optional(),
});

export const removePathogenInput = z.object({ id: z.string().min(1) });

export type AddPathogenInput = z.input<typeof addPathogenInput>;
