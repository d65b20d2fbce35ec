/**
 * Training genomes from an imported dataset: its sequences, labeled by a metadata column,
 * and the pathogen they belong to.
 */
import { asc, eq } from 'drizzle-orm';
import type { PathogenCatalog } from '../../pathogens/pathogen-catalog';
import { bestMatchText, detectPathogen } from '../../pathogens/detect-pathogen';
import { InvalidInputError } from '../../errors';
import type { RegistryDb } from '../../registry/db';
import { sequences } from '../../registry/schema';
import type { LabeledGenome } from './aligned-genomes';

/** Columns tried, in order, when no label column is named. */
export const LABEL_COLUMN_GUESSES = ['clade', 'Nextstrain_clade', 'lineage', 'pango', 'label'];

export interface DatasetGenomes {
  genomes: LabeledGenome[];
  labelColumn: string;
  /** Sequences left out because their label is empty. */
  unlabeled: number;
}

/**
 * The dataset's sequences with a non-empty `labelColumn` (default: the first of
 * LABEL_COLUMN_GUESSES the dataset has), grouped by `groupColumn` when given.
 * @throws InvalidInputError when the column is missing or fewer than 2 labels remain
 */
export function datasetGenomes(
  db: RegistryDb,
  datasetId: number,
  metadataColumns: readonly string[],
  options: { labelColumn?: string; groupColumn?: string } = {},
): DatasetGenomes {
  const labelColumn =
    options.labelColumn ?? LABEL_COLUMN_GUESSES.find((c) => metadataColumns.includes(c));
  if (labelColumn === undefined || !metadataColumns.includes(labelColumn))
    throw new InvalidInputError(
      `dataset ${datasetId} has no ${labelColumn === undefined ? 'clade or lineage' : `'${labelColumn}'`} metadata column` +
        ` (columns: ${metadataColumns.join(', ') || 'none'})`,
    );
  const { groupColumn } = options;
  if (groupColumn !== undefined && !metadataColumns.includes(groupColumn))
    throw new InvalidInputError(`dataset ${datasetId} has no '${groupColumn}' metadata column`);
  const rows = db
    .select({ seqId: sequences.seqId, sequence: sequences.sequence, metadata: sequences.metadata })
    .from(sequences)
    .where(eq(sequences.datasetId, datasetId))
    .orderBy(asc(sequences.ordinal))
    .all();
  const genomes: LabeledGenome[] = [];
  let unlabeled = 0;
  for (const row of rows) {
    const label = row.metadata?.[labelColumn]?.trim() ?? '';
    if (label === '') {
      unlabeled++;
      continue;
    }
    const group = groupColumn === undefined ? undefined : row.metadata?.[groupColumn]?.trim();
    genomes.push({ id: row.seqId, sequence: row.sequence, label, ...(group && { group }) });
  }
  if (new Set(genomes.map((g) => g.label)).size < 2)
    throw new InvalidInputError(`training needs at least 2 distinct '${labelColumn}' labels`);
  return { genomes, labelColumn, unlabeled };
}

/** The pathogen sharing the most 16-mers with a sample of the genomes. */
export function detectGenomesPathogen(
  catalog: PathogenCatalog,
  genomes: readonly LabeledGenome[],
): string {
  const sample = genomes.slice(0, 20).map((g) => g.sequence);
  const detection = detectPathogen(catalog.references(), sample);
  if (!detection.pathogenId)
    throw new InvalidInputError(
      `could not tell which pathogen these sequences are${bestMatchText(detection)}: choose one with --pathogen (${catalog
        .list()
        .map((p) => p.id)
        .join(', ')})`,
    );
  return detection.pathogenId;
}
