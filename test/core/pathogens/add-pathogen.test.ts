import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VariantDeskCore } from '../../../src/core/variantdesk-core';
import { detectPathogen } from '../../../src/core/pathogens/detect-pathogen';
import { parseLabeledRows } from '../../../src/core/pathogens/labeled-mutations';
import { tipGenome } from '../../../src/core/pathogens/tip-genomes';
import { parseReferenceFasta } from '../../../src/core/pathogens/reference-fasta';
import { randomGenome, seededRandom, tempDir } from '../../helpers/genomes';

const FLU = resolve(import.meta.dirname, '../../../resources/pathogens/flu-h3n2-ha');
const SC2 = resolve(import.meta.dirname, '../../../resources/pathogens/sars-cov-2');
const fluText = (name: string): string => readFileSync(join(FLU, name), 'utf8');

let inputs: string;
let dataDir: string;
let core: VariantDeskCore;

function write(name: string, text: string): { path: string; name: string } {
  const path = join(inputs, name);
  writeFileSync(path, text);
  return { path, name };
}

const fluFiles = () => ({
  reference: { path: join(FLU, 'reference.fasta') },
  annotation: { path: join(FLU, 'genome_annotation.gff3') },
  tree: { path: join(FLU, 'tree.json') },
  labeled: { path: join(FLU, 'labeled.tsv') },
});

/** What the data directory holds for added pathogens, temporary folders included. */
const addedFolders = (): string[] =>
  existsSync(join(dataDir, 'pathogens')) ? readdirSync(join(dataDir, 'pathogens')) : [];

interface AuspiceNode {
  name: string;
  children?: AuspiceNode[];
  branch_attrs?: { mutations?: { nuc?: string[] } };
}

/** The flu tree with the first below-root branch mutation's parent base changed. */
function treeWithBadBranch(): string {
  const json = JSON.parse(fluText('tree.json')) as { tree: AuspiceNode };
  const stack = [...(json.tree.children ?? [])];
  for (let node = stack.shift(); node; node = stack.shift()) {
    const nuc = node.branch_attrs?.mutations?.nuc;
    const first = nuc?.[0];
    if (nuc && first && /^[ACGT]\d+[ACGT]$/.test(first)) {
      const other = first[0] === 'A' ? 'C' : 'A';
      nuc[0] = `${other}${first.slice(1, -1)}${first.at(-1) === other ? 'G' : first.at(-1)}`;
      return JSON.stringify(json);
    }
    stack.push(...(node.children ?? []));
  }
  throw new Error('the flu tree has no branch mutation below its root');
}

beforeAll(() => {
  inputs = tempDir();
  dataDir = join(tempDir(), 'data');
  core = new VariantDeskCore(dataDir);
});
afterAll(async () => {
  await core.close();
});

describe('addPathogen refusals', () => {
  const reference = fluText('reference.fasta');
  const cases: [string, () => Record<string, unknown>, RegExp][] = [
    [
      'a second FASTA record',
      () => ({ reference: write('two.fasta', `${reference}>second\nACGT\n`) }),
      /two\.fasta line \d+: a reference holds one sequence, found a second record/,
    ],
    [
      'a protein',
      () => ({
        reference: write(
          'protein.fasta',
          `>p\n${'MKTIIALSYIFCLVFAQDLPGNDNSTATLCLGHHAVPNGTLVKTITDDQIEVTNATELVQ'.repeat(3)}\n`,
        ),
      }),
      /protein\.fasta line 2: invalid character "I" at column 4/,
    ],
    [
      'an IUPAC-only non-nucleotide text',
      () => ({ reference: write('iupac.fasta', `>p\n${'MKVRSWYHDB'.repeat(20)}\n`) }),
      /iupac\.fasta: only 0\.0% of the reference is A, C, G, T or N/,
    ],
    [
      'an unparsable GFF3',
      () => ({ annotation: write('bad.gff3', '##gff-version 3\nseq\tfeature\tgene\t1\n') }),
      /bad\.gff3 line 2: expected 9 tab-separated columns, found 4/,
    ],
    [
      'a gene past the genome end',
      () => ({
        annotation: write(
          'long.gff3',
          fluText('genome_annotation.gff3').replace('1036\t1698', '1036\t1800'),
        ),
      }),
      /long\.gff3: gene HA2 \(1036\.\.1800\) extends beyond the reference \(1718 nt\)/,
    ],
    [
      'a tree whose root mutation does not fit',
      () => ({
        tree: write('tree.json', fluText('tree.json').replace('"T9C","A25T"', '"T9C","G25T"')),
      }),
      /tree\.json: the tree's root does not match the reference: root mutation G25T, but the reference has A at 25/,
    ],
    [
      'a tree whose branch mutation does not fit',
      () => ({ tree: write('branch.json', treeWithBadBranch()) }),
      /branch\.json: node '[^']+': mutation [ACGT]\d+[ACGT], but its parent '[^']+' has [ACGT] at \d+/,
    ],
    [
      'a tree of another reference',
      () => ({ tree: { path: join(SC2, 'tree.json'), name: 'sc2-tree.json' } }),
      /sc2-tree\.json: the tree's root sequence does not match the reference \(29903 nt against 1718 nt/,
    ],
    [
      'a labeled row whose REF base differs',
      () => ({
        labeled: write('labeled.tsv', fluText('labeled.tsv').replace('\tA25T ', '\tC25T ')),
      }),
      /labeled\.tsv row 1 \(A\/England\/42\/1972\): mutation C25T but the reference has A at 25/,
    ],
    [
      'a labeled mutation past the end',
      () => ({
        labeled: write(
          'past.tsv',
          'name\tclade\tpango\tn_mutations\tmutations\nx\tc\tp\t1\tA5000T\n',
        ),
      }),
      /past\.tsv row 1 \(x\): mutation A5000T lies beyond the reference \(1718 nt\)/,
    ],
    [
      'a missing file',
      () => ({ tree: { path: join(inputs, 'nowhere.json') } }),
      /tree nowhere\.json: file not found or not readable/,
    ],
    [
      'a shipped id',
      () => ({ id: 'flu-h3n2-ha' }),
      /a pathogen 'flu-h3n2-ha' exists already \(shipped\)/,
    ],
    [
      'a bad id',
      () => ({ id: 'Flu_H3' }),
      /a pathogen id is lower-case letters, digits and dashes/,
    ],
  ];
  it.each(cases)('refuses %s, naming it, and writes nothing', async (_what, change, message) => {
    await expect(
      core.call('addPathogen', {
        id: 'flu-h3-copy',
        name: 'Flu H3 copy',
        ...fluFiles(),
        ...change(),
      }),
    ).rejects.toThrow(message);
    expect(addedFolders()).toEqual([]);
    expect(core.pathogens.has('flu-h3-copy')).toBe(false);
  });
});

/** Imports `fasta` and aligns it (to `pathogenId`, else the detected pathogen). */
async function importAndAlign(fasta: { path: string }, name: string, pathogenId?: string) {
  const { jobId } = await core.call('importFiles', { files: [fasta], name });
  const imported = await core.jobs.wait(jobId);
  if (imported.kind !== 'import' || !imported.result?.dataset)
    throw new Error(`import failed: ${imported.error}`);
  const datasetId = imported.result.dataset.id;
  const started = await core.call('analyzeDataset', { datasetId, pathogenId, force: false });
  const job = await core.jobs.wait(started.jobId!);
  if (job.kind !== 'analysis' || !job.result) throw new Error(`analysis failed: ${job.error}`);
  return { datasetId, analysis: job.result.analysis };
}

describe('an added pathogen', () => {
  it('is written like a shipped folder, listed as added, and refused a second time', async () => {
    const summary = await core.call('addPathogen', {
      id: 'flu-h3-copy',
      name: 'Flu H3 copy',
      ...fluFiles(),
    });
    expect(summary).toMatchObject({ id: 'flu-h3-copy', name: 'Flu H3 copy', source: 'added' });
    expect(summary).toMatchObject({ genomeLength: 1718, hasTree: true });
    expect(summary.genes.map((g) => g.name)).toEqual(['SigPep', 'HA1', 'HA2']);
    const folder = join(dataDir, 'pathogens', 'flu-h3-copy');
    for (const name of ['reference.fasta', 'genome_annotation.gff3', 'tree.json', 'labeled.tsv'])
      expect(readFileSync(join(folder, name), 'utf8')).toBe(fluText(name));
    const config = JSON.parse(readFileSync(join(folder, 'pathogen.json'), 'utf8'));
    expect(config).toMatchObject({ id: 'flu-h3-copy', name: 'Flu H3 copy' });
    expect(config.qc.missingData).toEqual({
      enabled: true,
      scoreBias: 17,
      missingDataThreshold: 155,
    });
    expect(addedFolders()).toEqual(['flu-h3-copy']);
    const listed = await core.call('listPathogens', {});
    expect(listed.map((p) => [p.id, p.source])).toContainEqual(['flu-h3-copy', 'added']);
    expect(listed.find((p) => p.id === 'sars-cov-2')?.source).toBe('shipped');
    await expect(
      core.call('addPathogen', { id: 'flu-h3-copy', name: 'again', ...fluFiles() }),
    ).rejects.toThrow("a pathogen 'flu-h3-copy' exists already (added)");
  });

  it('aligns genomes when chosen; the detector keeps the shipped one for the same reference', async () => {
    const records = readFileSync(resolve(FLU, '../../examples/flu-h3n2-ha/sequences.fasta'), 'utf8')
      .split(/(?=^>)/m)
      .slice(0, 4);
    const fasta = write('flu4.fasta', records.join(''));
    const { datasetId, analysis } = await importAndAlign(fasta, 'flu4', 'flu-h3-copy');
    expect(analysis.pathogen).toMatchObject({ id: 'flu-h3-copy', source: 'added' });
    expect(analysis).toMatchObject({ sequenceCount: 4, alignedCount: 4, failedCount: 0 });
    const mutations = await core.call('listMutations', { analysisId: analysis.id });
    expect(mutations.total).toBeGreaterThan(0);
    // Two identical references tie; the detector keeps the catalogue's order, shipped first.
    expect((await core.call('detectPathogen', { datasetId })).pathogenId).toBe('flu-h3n2-ha');
    // The tree is found through the catalogue, and the Tree page's view reads it.
    const sequence = core.pathogens.get('flu-h3-copy').referenceSequence;
    expect(core.pathogens.treeFor(sequence, 'flu-h3-copy')).toBe(
      join(dataDir, 'pathogens', 'flu-h3-copy', 'tree.json'),
    );
    expect(core.pathogens.treeFor(sequence)).toBe(join(FLU, 'tree.json'));
    const view = await core.call('getTreeView', { pathogenId: 'flu-h3-copy' });
    expect(view.pathogenId).toBe('flu-h3-copy');
  });

  it('of its own reference is detected and aligned without being named', async () => {
    const random = seededRandom(7);
    const genome = randomGenome(3000, random);
    const reference = write('virus.fasta', `>virus-ref\n${genome}\n`);
    const annotation = write(
      'virus.gff3',
      '##gff-version 3\nvirus-ref\tx\tgene\t101\t1300\t.\t+\t.\tName=P1\nvirus-ref\tx\tgene\t1401\t2700\t.\t+\t.\tName=P2\n',
    );
    const labeled = write(
      'virus.tsv',
      `name\tclade\tpango\tn_mutations\tmutations\ntip1\tA\tA\t1\t${genome[499]}500${genome[499] === 'A' ? 'C' : 'A'}\n`,
    );
    await core.call('addPathogen', {
      id: 'test-virus',
      name: 'Test virus',
      reference,
      annotation,
      labeled,
    });
    const rows = parseLabeledRows(readFileSync(labeled.path, 'utf8'));
    const tips = [0, 1, 2].map(
      (i) => `>v${i}\n${tipGenome(genome, rows[0]!, { seed: i, privateMutations: 2 })}\n`,
    );
    const refSequence = parseReferenceFasta(readFileSync(reference.path, 'utf8'), 'r').sequence;
    expect(
      detectPathogen(core.pathogens.references(), [tipGenome(refSequence, rows[0]!)]).pathogenId,
    ).toBe('test-virus');
    const { analysis } = await importAndAlign(write('v.fasta', tips.join('')), 'virus');
    expect(analysis.pathogen.id).toBe('test-virus');
    expect(analysis).toMatchObject({ sequenceCount: 3, alignedCount: 3 });
    const carried = await core.call('listMutations', {
      analysisId: analysis.id,
      filter: { minPosition: 500, maxPosition: 500 },
    });
    expect(carried.rows[0]?.count).toBe(3);
  });

  it('is listed by a new core on the same data directory', async () => {
    const again = new VariantDeskCore(dataDir);
    try {
      const added = (await again.call('listPathogens', {})).filter((p) => p.source === 'added');
      expect(added.map((p) => p.id)).toEqual(['flu-h3-copy', 'test-virus']);
    } finally {
      await again.close();
    }
  });

  it('is removed only when added and unused, with the count of what uses it', async () => {
    await expect(core.call('removePathogen', { id: 'sars-cov-2' })).rejects.toThrow(
      "pathogen 'sars-cov-2' is shipped with VariantDesk and cannot be removed",
    );
    await expect(core.call('removePathogen', { id: 'no-such' })).rejects.toThrow(
      "no pathogen 'no-such'",
    );
    await expect(core.call('removePathogen', { id: 'test-virus' })).rejects.toThrow(
      "pathogen 'test-virus' is used by 1 analysis",
    );
    const virus = (await core.call('listDatasets', {})).find((d) => d.name === 'virus')!;
    await core.call('deleteDataset', { datasetId: virus.id });
    expect(await core.call('removePathogen', { id: 'test-virus' })).toEqual({ removed: true });
    expect(addedFolders()).toEqual(['flu-h3-copy']);
    expect((await core.call('listPathogens', {})).map((p) => p.id)).not.toContain('test-virus');
  });
});
