/**
 * From labeled genomes to what cross-validation needs: aligned strings, allele features,
 * class indices, cross-validation groups, and one representative row per source sample.
 */
import { InvalidInputError } from '../../errors';
import type { Pathogen } from '../../pathogens/types';
import { buildAlleleData, featurizeAligned, type AlleleData } from './allele-data';
import { alignGenomes, type LabeledGenome } from './aligned-genomes';
import { representativeRows } from './exemplar-rows';
import type { TrainingData } from './fit-candidate';
import { nearIdenticalGroups } from './lineage-groups';
import type { TrainClassifierOptions } from './training-options';

export interface PreparedData {
  data: TrainingData;
  /** Class names in index order (sorted by code point). */
  classNames: string[];
  /** Per row (the genomes that aligned, in input order). */
  genomes: LabeledGenome[];
  aligned: string[];
  sources: string[];
  groups: string[];
  grouping: 'given' | 'near-identical';
  failed: { id: string; reason: string }[];
}

const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Aligns, featurizes and groups `genomes`. */
export async function prepareTrainingData(
  input: readonly LabeledGenome[],
  pathogen: Pathogen,
  options: TrainClassifierOptions,
): Promise<PreparedData> {
  const { signal, onProgress } = options;
  for (const genome of input)
    if (genome.label.trim() === '') throw new InvalidInputError(`genome ${genome.id} has no label`);
  const { aligned, rows, failed } = await alignGenomes(input, pathogen, {
    threads: options.threads,
    signal,
    onProgress: (done, total) =>
      onProgress?.({ stage: 'align', done, total, message: `aligned ${done}/${total}` }),
  });
  const genomes = rows.map((row) => input[row]!);
  const classNames = [...new Set(genomes.map((g) => g.label))].sort(byCodePoint);
  if (classNames.length < 2)
    throw new InvalidInputError(
      `training needs at least 2 labels among the aligned genomes, got ${classNames.length}`,
    );
  const classOf = new Map(classNames.map((name, i) => [name, i]));
  const labels = Int32Array.from(genomes, (g) => classOf.get(g.label)!);
  signal?.throwIfAborted();
  const sources = genomes.map((g) => g.source ?? g.id);
  const seen = new Set<string>();
  const firstOfSource = sources.flatMap((source, row) =>
    seen.has(source) ? [] : (seen.add(source), [row]),
  );
  const alleles = buildAlleleData(aligned, {
    minMinorCount: options.minMinorCount,
    maxPositions: options.maxPositions,
    selectFrom: firstOfSource,
  });
  onProgress?.({
    stage: 'features',
    message: `${alleles.positions} varying positions, ${genomes.length} genomes, ${classNames.length} classes`,
  });
  const representative = representativeRows(sources, alleles.codes, alleles.positions);
  const data: TrainingData = { alleles, labels, numClasses: classNames.length, representative };
  const exemplarCodes = completeExemplarCodes(genomes, representative, alleles);
  if (exemplarCodes) data.exemplarCodes = exemplarCodes;
  const given = genomes.every((g) => g.group !== undefined && g.group !== '');
  const groups = given ? genomes.map((g) => g.group!) : sourceGroups(data, sources, options);
  return {
    data,
    classNames,
    genomes,
    aligned,
    sources,
    groups,
    grouping: given ? 'given' : 'near-identical',
    failed,
  };
}

/**
 * `alleles.codes` with each representative row whose genome has an `exemplarSequence`
 * replaced by that sequence's codes; null when no genome has one.
 * @throws InvalidInputError when an exemplar sequence is not as long as the reference
 */
function completeExemplarCodes(
  genomes: readonly LabeledGenome[],
  representative: Uint8Array,
  alleles: AlleleData,
): Uint8Array | null {
  const rows = genomes.flatMap((genome, row) =>
    representative[row] === 1 && genome.exemplarSequence !== undefined ? [row] : [],
  );
  if (rows.length === 0) return null;
  const { config, positions } = alleles;
  const sequences = rows.map((row) => genomes[row]!.exemplarSequence!);
  sequences.forEach((sequence, i) => {
    if (sequence.length !== config.referenceLength)
      throw new InvalidInputError(
        `genome ${genomes[rows[i]!]!.id}: its exemplar sequence has ${sequence.length} columns, the reference ${config.referenceLength}`,
      );
  });
  const complete = featurizeAligned(config, sequences).codes;
  const codes = alleles.codes.slice();
  rows.forEach((row, i) =>
    codes.set(complete.subarray(i * positions, (i + 1) * positions), row * positions),
  );
  return codes;
}

/** Near-identical groups of the representatives, shared by every copy of a source. */
function sourceGroups(
  data: TrainingData,
  sources: string[],
  options: TrainClassifierOptions,
): string[] {
  const rows = sources.flatMap((_, row) => (data.representative[row] === 1 ? [row] : []));
  const { positions } = data.alleles;
  const codes = new Uint8Array(rows.length * positions);
  rows.forEach((row, i) =>
    codes.set(data.alleles.codes.subarray(row * positions, (row + 1) * positions), i * positions),
  );
  const labels = Int32Array.from(rows, (row) => data.labels[row]!);
  const groups = nearIdenticalGroups(codes, positions, labels, options.groupRadius ?? 2);
  const groupOfSource = new Map(rows.map((row, i) => [sources[row]!, groups[i]!]));
  return sources.map((source) => groupOfSource.get(source)!);
}
