/**
 * Property tests of the pathogen readers: generated GFF3 (features, attributes, escapes,
 * comments, ##FASTA, CRLF) read back as the genes they describe; bad coordinates refused on
 * their line; reference FASTA, GFF3 and labeled.tsv mutated or random give a pathogen or an
 * InvalidInputError naming the file, within a time bound.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/core/errors';
import { loadPathogen, parseGff3, parseReferenceFasta, type Gene } from '../../src/core/pathogens';
import { fuzzRuns, fuzzSeed } from '../helpers/fuzz';
import { tempDir } from '../helpers/genomes';
import {
  applyTextEdits,
  FUZZ_TEST_TIMEOUT_MS,
  outcomeOf,
  textEdit,
  TRICKY_CHARS,
  wellFormed,
} from './reader-outcome';

const FILE = 'fuzz.gff3';
const root = tempDir('variantdesk-fuzz-gff3-');
afterAll(() => rmSync(root, { recursive: true, force: true }));
const folder = join(root, 'fuzz-virus');
mkdirSync(folder);

interface Feature {
  type: string;
  name: string;
  start: number;
  end: number;
  strand: '+' | '-' | '.' | '?';
  nameKey: 'gene_name' | 'Name' | 'gene';
  quoted: boolean;
  note: string;
}

/** A feature line as text (column 9 with its name percent-encoded where GFF3 requires). */
function featureLine(feature: Feature): string {
  const encode = (text: string): string =>
    text.replace(/[\s;=%&,"]/gu, (ch) =>
      [...Buffer.from(ch)].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join(''),
    );
  const value = feature.quoted ? `"${encode(feature.name)}"` : encode(feature.name);
  const attributes = [
    `ID=f${feature.start}`,
    `${feature.nameKey}=${value}`,
    `Note=${encode(feature.note)}`,
  ];
  return [
    'chr1',
    'fuzz',
    feature.type,
    feature.start,
    feature.end,
    '.',
    feature.strand,
    '.',
    attributes.join(';'),
  ].join('\t');
}

const nameText = fc
  .array(fc.oneof(fc.constantFrom(...TRICKY_CHARS), fc.string({ minLength: 1, maxLength: 3 })), {
    minLength: 1,
    maxLength: 4,
  })
  .map((parts) => wellFormed(parts.join('')));

/** Which of gene and CDS a name gets, and in which order. */
const roles = fc.constantFrom(['gene'], ['CDS'], ['gene', 'CDS'], ['CDS', 'gene'], ['cds']);
const otherType = fc.constantFrom('mRNA', 'exon', 'five_prime_UTR', 'region', 'Gene_segment');

const featureFields = (maxPosition: number) =>
  fc.record({
    start: fc.integer({ min: 1, max: maxPosition }),
    length: fc.nat({ max: Math.ceil(maxPosition / 10) }),
    strand: fc.constantFrom('+' as const, '-' as const, '.' as const, '?' as const),
    nameKey: fc.constantFrom('gene_name' as const, 'Name' as const, 'gene' as const),
    quoted: fc.boolean(),
    note: fc.string({ maxLength: 6 }).map(wellFormed),
  });

interface Annotation {
  /** Feature lines and the rest (comments, blank lines), in file order. */
  lines: (Feature | string)[];
  lineEnd: '\n' | '\r\n';
  fastaTail: boolean;
}

const filler = fc.constantFrom('', '#comment\tline', '##sequence-region chr1 1 30000', '   ');

const annotationWithin = (maxPosition: number): fc.Arbitrary<Annotation> =>
  fc
    .record({
      names: fc.uniqueArray(nameText, { maxLength: 8 }),
      others: fc.array(fc.tuple(otherType, nameText), { maxLength: 3 }),
      fillers: fc.array(filler, { maxLength: 4 }),
      seed: fc.array(fc.nat(), { minLength: 1, maxLength: 40 }),
      lineEnd: fc.constantFrom('\n' as const, '\r\n' as const),
      fastaTail: fc.boolean(),
    })
    .chain(({ names, others, fillers, seed, lineEnd, fastaTail }) =>
      fc
        .tuple(
          fc.tuple(...names.map(() => roles)),
          fc.array(featureFields(maxPosition), {
            minLength: 2 * names.length + others.length,
            maxLength: 2 * names.length + others.length,
          }),
        )
        .map(([nameRoles, fields]) => {
          const features: Feature[] = [];
          const take = (type: string, name: string): void => {
            const { length, ...rest } = fields[features.length]!;
            features.push({ type, name, ...rest, end: rest.start + length });
          };
          names.forEach((name, i) => nameRoles[i]!.forEach((type) => take(type, name)));
          for (const [type, name] of others) take(type, name);
          // Shuffle by the seed, keeping each name's roles in their drawn order.
          const lines: (Feature | string)[] = ['##gff-version 3'];
          const pending = [...features, ...fillers];
          for (let i = 0; pending.length > 0; i++)
            lines.push(pending.splice(seed[i % seed.length]! % Math.min(pending.length, 3), 1)[0]!);
          return { lines, lineEnd, fastaTail };
        }),
    );

const annotation = annotationWithin(30_000);

function gffText({ lines, lineEnd, fastaTail }: Annotation): string {
  const body = lines.map((line) => (typeof line === 'string' ? line : featureLine(line)));
  if (fastaTail) body.push('##FASTA', '>chr1', 'ACGT', 'chr1\tfuzz\tgene\tnot\ta\tfeature');
  return body.join(lineEnd) + lineEnd;
}

/** The genes a reader should return: a CDS wins over a gene of its name, in file order. */
function expectedGenes({ lines }: Annotation): Gene[] {
  const kept = new Map<string, { feature: Feature; line: number }>();
  lines.forEach((feature, index) => {
    if (typeof feature === 'string') return;
    const type = feature.type.toLowerCase() === 'cds' ? 'CDS' : feature.type;
    if (type !== 'gene' && type !== 'CDS') return;
    if (!kept.has(feature.name) || type === 'CDS') kept.set(feature.name, { feature, line: index });
  });
  return [...kept.values()]
    .sort((a, b) => a.line - b.line)
    .map(({ feature: { name, start, end, strand } }) => ({
      name,
      start,
      end,
      strand: strand === '-' ? '-' : '+',
    }));
}

const parse = (text: string) =>
  outcomeOf(() => parseGff3(text, FILE), InvalidInputError, `${FILE} line `);

function expectLineInRange(error: Error, text: string): void {
  const line = Number(/^fuzz\.gff3 line (\d+): /.exec(error.message)?.[1]);
  expect(line).toBeGreaterThanOrEqual(1);
  expect(line).toBeLessThanOrEqual(text.split('\n').length);
}

describe('parseGff3 (property)', { timeout: FUZZ_TEST_TIMEOUT_MS }, () => {
  it('reads generated annotations back as their genes: escapes, quotes, comments, ##FASTA, CRLF', () => {
    fc.assert(
      fc.property(annotation, (gff) => {
        const outcome = parse(gffText(gff));
        if (!outcome.ok) throw outcome.error;
        expect(outcome.value).toEqual(expectedGenes(gff));
      }),
      { numRuns: fuzzRuns(600), seed: fuzzSeed() },
    );
  });

  const badPositions = [
    '0',
    '-3',
    '1.5',
    '1.0',
    '5.',
    'abc',
    '',
    '1e3',
    '0x10',
    '+5',
    '١٢',
    'Infinity',
    '12abc',
    '9007199254740993',
  ];

  it('refuses a gene or CDS with a bad start or end on its line', () => {
    const cases = fc.record({
      gff: annotation.filter((gff) =>
        gff.lines.some((line) => typeof line !== 'string' && /^(gene|cds)$/i.test(line.type)),
      ),
      pick: fc.nat(),
      column: fc.constantFrom('start' as const, 'end' as const),
      bad: fc.oneof(fc.constantFrom(...badPositions), fc.constant('before start')),
    });
    fc.assert(
      fc.property(cases, ({ gff, pick, column, bad }) => {
        const targets = gff.lines.flatMap((line, index) =>
          typeof line !== 'string' && /^(gene|cds)$/i.test(line.type) ? [index] : [],
        );
        const index = targets[pick % targets.length]!;
        const feature = gff.lines[index] as Feature;
        const text = gffText(gff).split(gff.lineEnd);
        const columns = text[index]!.split('\t');
        if (bad === 'before start') columns[4] = String(feature.start - 1);
        else columns[column === 'start' ? 3 : 4] = bad;
        text[index] = columns.join('\t');
        const outcome = parse(text.join(gff.lineEnd));
        expect(outcome.ok, `accepted ${columns[3]}..${columns[4]}`).toBe(false);
        expect((outcome as { error: Error }).error.message).toMatch(
          new RegExp(`^fuzz\\.gff3 line ${index + 1}: (start|end) "`),
        );
      }),
      { numRuns: fuzzRuns(400), seed: fuzzSeed() },
    );
  });

  it('gives genes or an InvalidInputError naming file and line for mutated annotations', () => {
    const cases = fc.record({
      gff: annotation,
      edits: fc.array(textEdit, { minLength: 1, maxLength: 6 }),
    });
    fc.assert(
      fc.property(cases, ({ gff, edits }) => {
        const text = applyTextEdits(gffText(gff), edits);
        const outcome = parse(text);
        if (!outcome.ok) return expectLineInRange(outcome.error, text);
        const names = new Set<string>();
        for (const gene of outcome.value) {
          expect(Number.isSafeInteger(gene.start) && gene.start >= 1).toBe(true);
          expect(Number.isSafeInteger(gene.end) && gene.end >= gene.start).toBe(true);
          expect(['+', '-']).toContain(gene.strand);
          expect(gene.name).not.toBe('');
          expect(names.has(gene.name)).toBe(false);
          names.add(gene.name);
        }
      }),
      { numRuns: fuzzRuns(1000), seed: fuzzSeed() },
    );
  });

  it('gives genes or an InvalidInputError for random text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400, unit: 'binary' }), (text) => {
        const outcome = parse(text);
        if (!outcome.ok) expectLineInRange(outcome.error, text);
      }),
      { numRuns: fuzzRuns(500), seed: fuzzSeed() },
    );
  });
});

const IUPAC_ASCII = 'ACGTURYSWKMBDHVNacgturyswkmbdhvn';
const referenceWithin = (maxLength: number) =>
  fc.record({
    id: fc.stringMatching(/^[A-Za-z0-9_.|-]{1,12}$/),
    description: fc.option(
      fc.string({ maxLength: 10 }).map((d) => d.replace(/[\r\n]/g, ' ')),
      { nil: undefined },
    ),
    sequence: fc.string({ unit: fc.constantFrom(...IUPAC_ASCII), minLength: 1, maxLength }),
    width: fc.integer({ min: 1, max: 80 }),
    lineEnd: fc.constantFrom('\n', '\r\n'),
  });

const referenceText = referenceWithin(300);
type ReferenceParts = typeof referenceText extends fc.Arbitrary<infer T> ? T : never;

function fastaText(reference: ReferenceParts): string {
  const { id, description, sequence, width, lineEnd } = reference;
  const lines = [`>${id}${description === undefined ? '' : ` ${description}`}`];
  for (let i = 0; i < sequence.length; i += width) lines.push(sequence.slice(i, i + width));
  return lines.join(lineEnd) + lineEnd;
}

describe('parseReferenceFasta (property)', { timeout: FUZZ_TEST_TIMEOUT_MS }, () => {
  const parseFasta = (text: string) =>
    outcomeOf(() => parseReferenceFasta(text, 'ref.fasta'), InvalidInputError, 'ref.fasta');

  it('reads generated references, upper-cased with U as T', () => {
    fc.assert(
      fc.property(referenceText, (reference) => {
        const outcome = parseFasta(fastaText(reference));
        if (!outcome.ok) throw outcome.error;
        expect(outcome.value).toEqual({
          id: reference.id,
          sequence: reference.sequence.toUpperCase().replaceAll('U', 'T'),
        });
      }),
      { numRuns: fuzzRuns(300), seed: fuzzSeed() },
    );
  });

  it('accepts only IUPAC letters, and names the character it refuses where it stands', () => {
    const cases = fc.record({
      reference: referenceText,
      edits: fc.array(textEdit, { minLength: 1, maxLength: 4 }),
    });
    fc.assert(
      fc.property(cases, ({ reference, edits }) => {
        const text = applyTextEdits(fastaText(reference), edits);
        const lines = text.split(/\r?\n/);
        const outcome = parseFasta(text);
        if (outcome.ok) {
          // Every sequence line's characters are IUPAC letters, one base each.
          const first = lines.findIndex((line) => line.trim().startsWith('>'));
          const bases = lines
            .slice(first + 1)
            .map((line) => line.trim())
            .join('');
          expect(
            [...bases].every((ch) => IUPAC_ASCII.includes(ch)),
            JSON.stringify(bases),
          ).toBe(true);
          expect(outcome.value.sequence).toBe(bases.toUpperCase().replaceAll('U', 'T'));
          return;
        }
        const invalid = /^ref\.fasta line (\d+): invalid character "(.*)" at column (\d+)$/su.exec(
          outcome.error.message,
        );
        if (invalid === null) return;
        const [, line, character, column] = invalid;
        expect([...lines[Number(line) - 1]!.trim()][Number(column) - 1]).toBe(character);
        expect(IUPAC_ASCII.includes(character!)).toBe(false);
      }),
      { numRuns: fuzzRuns(800), seed: fuzzSeed() },
    );
  });
});

const labeledText = fc
  .array(
    fc.record({
      name: fc.stringMatching(/^[A-Za-z0-9/._-]{1,10}$/),
      clade: fc.stringMatching(/^[0-9A-Z]{1,4}$/),
      mutations: fc.array(
        fc.tuple(
          fc.constantFrom('A', 'C', 'G', 'T'),
          fc.integer({ min: 1, max: 400 }),
          fc.constantFrom('A', 'C', 'G', 'T', '-'),
        ),
        { maxLength: 5 },
      ),
    }),
    { maxLength: 6 },
  )
  .map(
    (rows) =>
      [
        'name\tclade\tpango\tn_mutations\tmutations',
        ...rows.map((row) =>
          [
            row.name,
            row.clade,
            row.clade,
            row.mutations.length,
            row.mutations.map((m) => m.join('')).join(' '),
          ].join('\t'),
        ),
      ].join('\n') + '\n',
  );

describe('loadPathogen (property)', { timeout: FUZZ_TEST_TIMEOUT_MS }, () => {
  it('loads a generated folder, or refuses it with an InvalidInputError naming the file at fault', () => {
    const cases = fc.record({
      reference: referenceWithin(400),
      gff: annotationWithin(300),
      labeled: fc.option(labeledText, { nil: undefined }),
      mutate: fc.constantFrom(
        'none' as const,
        'reference.fasta' as const,
        'genome_annotation.gff3' as const,
        'labeled.tsv' as const,
      ),
      edits: fc.array(textEdit, { minLength: 1, maxLength: 4 }),
    });
    fc.assert(
      fc.property(cases, ({ reference, gff, labeled, mutate, edits }) => {
        const files: Record<string, string> = {
          'reference.fasta': fastaText(reference),
          'genome_annotation.gff3': gffText(gff),
        };
        rmSync(join(folder, 'labeled.tsv'), { force: true });
        if (labeled !== undefined) files['labeled.tsv'] = labeled;
        if (mutate !== 'none' && files[mutate] !== undefined)
          files[mutate] = applyTextEdits(files[mutate], edits);
        for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
        const outcome = outcomeOf(() => loadPathogen(folder), InvalidInputError, folder);
        if (mutate !== 'none') return;
        const length = reference.sequence.length;
        const genes = expectedGenes(gff);
        const beyond = genes.find((gene) => gene.end > length);
        if (beyond === undefined) {
          if (!outcome.ok) throw outcome.error;
          expect(outcome.value.genes).toEqual(genes);
        } else {
          expect(outcome.ok).toBe(false);
          expect((outcome as { error: Error }).error.message).toBe(
            `${join(folder, 'genome_annotation.gff3')}: gene ${beyond.name} (${beyond.start}..${beyond.end}) extends beyond the reference (${length} nt)`,
          );
        }
      }),
      { numRuns: fuzzRuns(250), seed: fuzzSeed() },
    );
  });
});
