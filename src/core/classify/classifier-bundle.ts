/**
 * A verified bundle turned into what classification needs: labels, featurizer, the pathogen
 * to align against and the exemplars, all checked against each other with errors that name
 * the bundle and the entry.
 */
import { readBundle, type BundleManifest, labelsInOrder } from '../bundles';
import { InvalidInputError } from '../errors';
import type { Pathogen } from '../pathogens/types';
import { bundlePathogen, bundleReference } from './bundle-pathogen';
import { parseExemplarTable } from './exemplar-table';
import { buildSparseExemplars, type SparseExemplars } from './sparse-exemplars';

export interface ClassifierBundle {
  manifest: BundleManifest;
  labels: string[];
  model: Uint8Array;
  pathogen: Pathogen | null;
  exemplars: SparseExemplars | null;
}

const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

/**
 * Reads and verifies the bundle (refusing it with the BundleError's message), then checks
 * that the files its featurizer needs are there and agree with the manifest.
 * @param name names the bundle in errors (default: the path, or `bundle` for bytes)
 */
export async function loadClassifierBundle(
  source: string | Uint8Array,
  name?: string,
): Promise<ClassifierBundle> {
  const { manifest, files } = await readBundle(source, name === undefined ? {} : { name });
  const bundle = name ?? (typeof source === 'string' ? source : 'bundle');
  const fail = (detail: string): never => {
    throw new InvalidInputError(`${bundle}: ${detail}`);
  };
  const { featurizer } = manifest;
  if (featurizer.kind === 'mutation-profile')
    fail('the mutation-profile featurizer is not supported by classify (k-mer or aligned alleles)');
  const fasta = files['reference.fasta'];
  const gff = files['annotation.gff3'];
  const table = files['exemplars.tsv'];
  const reference = fasta ? bundleReference(text(fasta), bundle) : null;
  if (featurizer.kind === 'aligned-alleles') {
    if (!reference || !gff)
      fail('the aligned-allele featurizer needs reference.fasta and annotation.gff3 in the bundle');
    if (featurizer.referenceLength !== reference!.sequence.length)
      fail(
        `the featurizer expects a reference of ${featurizer.referenceLength} nt, reference.fasta has ${reference!.sequence.length}`,
      );
  }
  if (table && !(reference && gff))
    fail('exemplars.tsv needs reference.fasta and annotation.gff3 in the bundle');
  const rows =
    table && reference
      ? parseExemplarTable(text(table), reference.sequence, `${bundle}: exemplars.tsv`)
      : [];
  const pathogen =
    reference && gff
      ? bundlePathogen(manifest.reference.id, reference, text(gff), rows, bundle)
      : null;
  return {
    manifest,
    labels: labelsInOrder(manifest),
    model: files['model.onnx']!,
    pathogen,
    exemplars: rows.length > 0 ? buildSparseExemplars(rows) : null,
  };
}
