/**
 * Pathogens an analyst adds: validated files written as a pathogen folder under
 * `<dataDir>/pathogens/<id>/` (the shipped folder's file names), atomically: into a hidden
 * temporary folder beside it, renamed into place once whole, removed on any failure.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import type { PathogenSummary } from '../../shared/analysis-types';
import type { addPathogenInput } from '../../shared/pathogen-schemas';
import { ConflictError, InvalidInputError } from '../errors';
import type { RegistryDb } from '../registry/db';
import { DEFAULT_QC_SOURCE, defaultQcConfig } from './default-qc';
import type { PathogenCatalog } from './pathogen-catalog';
import {
  checkAnnotation,
  checkLabeled,
  checkReference,
  checkTree,
  readPathogenFile,
  type PathogenFile,
} from './pathogen-files';

type AddPathogenInput = z.output<typeof addPathogenInput>;

/** `<dataDir>/pathogens`: where added pathogens live. */
export function addedPathogensDir(dataDir: string): string {
  return join(dataDir, 'pathogens');
}

/** Every file read and checked against the reference, by the name it is written under. */
function validatedFiles(input: AddPathogenInput): Map<string, string> {
  const reference = readPathogenFile(input.reference, 'reference');
  const { sequence } = checkReference(reference);
  const annotation = readPathogenFile(input.annotation, 'annotation');
  checkAnnotation(annotation, sequence.length);
  const files = new Map<string, string>([
    ['reference.fasta', reference.text],
    ['genome_annotation.gff3', annotation.text],
  ]);
  const optional: [string, PathogenFile | null, (file: PathogenFile, ref: string) => void][] = [
    ['tree.json', input.tree ? readPathogenFile(input.tree, 'tree') : null, checkTree],
    [
      'labeled.tsv',
      input.labeled ? readPathogenFile(input.labeled, 'labeled') : null,
      checkLabeled,
    ],
  ];
  for (const [target, file, check] of optional) {
    if (!file) continue;
    check(file, sequence);
    files.set(target, file.text);
  }
  files.set(
    'pathogen.json',
    `${JSON.stringify(
      {
        id: input.id,
        name: input.name,
        qcSource: DEFAULT_QC_SOURCE,
        qc: defaultQcConfig(sequence.length),
      },
      null,
      2,
    )}\n`,
  );
  return files;
}

/** Writes the folder beside its target, then renames it into place. */
function writeFolder(parent: string, id: string, files: Map<string, string>): void {
  mkdirSync(parent, { recursive: true });
  const temporary = join(parent, `.${id}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    mkdirSync(temporary);
    for (const [name, text] of files) writeFileSync(join(temporary, name), text);
    const taken = () => new ConflictError(`a pathogen folder '${id}' already exists in ${parent}`);
    if (existsSync(join(parent, id))) throw taken();
    try {
      renameSync(temporary, join(parent, id));
    } catch (error) {
      // Another add of the same id renamed its folder first.
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOTEMPTY' || code === 'EEXIST') throw taken();
      throw error;
    }
  } finally {
    rmSync(temporary, { recursive: true, force: true });
  }
}

/**
 * Validates the files and adds the pathogen to the catalogue.
 * @throws ConflictError when the id is taken (shipped or added); InvalidInputError naming the
 *   file (and gene, node, row or mutation) at fault. Nothing is written on a refusal.
 */
export function addPathogen(
  catalog: PathogenCatalog,
  dataDir: string,
  input: AddPathogenInput,
): PathogenSummary {
  if (catalog.has(input.id)) {
    const { source } = catalog.get(input.id).summary;
    throw new ConflictError(
      `a pathogen '${input.id}' exists already (${source}): choose another id`,
    );
  }
  const files = validatedFiles(input);
  const parent = addedPathogensDir(dataDir);
  writeFolder(parent, input.id, files);
  try {
    return catalog.addEntry(input.id).summary;
  } catch (error) {
    rmSync(join(parent, input.id), { recursive: true, force: true });
    throw error;
  }
}

/** What in the registry names a pathogen: analyses, classification runs, model versions. */
function pathogenUsage(db: RegistryDb, id: string): string[] {
  const tables = [
    ['analyses', 'analysis', 'analyses'],
    ['classifications', 'classification run', 'classification runs'],
    ['model_versions', 'model version', 'model versions'],
  ] as const;
  return tables.flatMap(([table, one, many]) => {
    const { n } = db.$client
      .prepare(`SELECT count(*) AS n FROM ${table} WHERE pathogen_id = ?`)
      .get(id) as { n: number };
    return n === 0 ? [] : [`${n} ${n === 1 ? one : many}`];
  });
}

/**
 * Removes an added pathogen's folder (renamed aside first, so it is gone or whole).
 * @throws NotFoundError for an unknown id; InvalidInputError for a shipped one;
 *   ConflictError with the counts when the registry still uses it
 */
export function removePathogen(catalog: PathogenCatalog, db: RegistryDb, id: string): void {
  const entry = catalog.get(id);
  if (entry.summary.source === 'shipped')
    throw new InvalidInputError(
      `pathogen '${id}' is shipped with VariantDesk and cannot be removed`,
    );
  const usage = pathogenUsage(db, id);
  if (usage.length > 0)
    throw new ConflictError(
      `pathogen '${id}' is used by ${usage.join(', ')}: delete them (or the datasets they belong to) first`,
    );
  const aside = join(catalog.addedDir!, `.${id}.${randomBytes(6).toString('hex')}.removed`);
  renameSync(entry.dir, aside);
  catalog.removeEntry(id);
  rmSync(aside, { recursive: true, force: true });
}
