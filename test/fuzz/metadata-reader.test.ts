/**
 * Property tests of the metadata reader: generated CSV/TSV tables (quoting, BOM, CRLF, blank
 * lines, chunk boundaries anywhere) read back exactly; mutated tables and random bytes give
 * a table or a MetadataError naming the file and a line of it, within a time bound.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { MetadataError, readMetadata, type MetadataTable } from '../../src/core/sequences/metadata';
import { fuzzRuns, fuzzSeed } from '../helpers/fuzz';
import { tempDir } from '../helpers/genomes';
import {
  applyTextEdits,
  asyncOutcomeOf,
  FUZZ_TEST_TIMEOUT_MS,
  textEdit,
  TRICKY_CHARS,
  type Outcome,
  wellFormed,
} from './reader-outcome';

const dir = tempDir('variantdesk-fuzz-metadata-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const FILE = 'fuzz.csv';
const path = join(dir, FILE);
/** createReadStream's default chunk size: the reader sees the file in pieces this big. */
const CHUNK_BYTES = 64 * 1024;

async function readText(content: string | Uint8Array): Promise<Outcome<MetadataTable>> {
  writeFileSync(path, content);
  return asyncOutcomeOf(() => readMetadata(path, FILE), MetadataError, FILE);
}

interface Table {
  columns: string[];
  idColumn: string;
  rows: Record<string, string>[];
}

interface Style {
  delimiter: '\t' | ',' | ';';
  quoteAll: boolean;
  lineEnd: '\n' | '\r\n';
  bom: boolean;
  finalLineEnd: boolean;
  /** Blank lines before the header and after each row (by index, wrapped). */
  blankLines: number[];
}

const cellText = fc
  .array(fc.oneof(fc.constantFrom(...TRICKY_CHARS), fc.string({ maxLength: 3 })), { maxLength: 5 })
  // Files are UTF-8: a lone surrogate cannot be written, so it is replaced as an encoder would.
  .map((parts) => wellFormed(parts.join('')));
const idColumnName = fc.constantFrom('strain', 'Name', 'seqName', 'ID', 'sequence_id', 'accession');

const tableArbitrary: fc.Arbitrary<Table> = fc
  .record({
    // Letters at both ends: header names are trimmed, and none is taken for an id column.
    others: fc.uniqueArray(
      cellText.map((text) => `c${text}z`),
      { minLength: 1, maxLength: 5 },
    ),
    idColumn: fc.option(idColumnName, { nil: undefined }),
    idAt: fc.nat(),
    rowCount: fc.nat({ max: 8 }),
  })
  .chain(({ others, idColumn, idAt, rowCount }) => {
    const columns = [...others];
    if (idColumn !== undefined) columns.splice(idAt % (columns.length + 1), 0, idColumn);
    if (columns.length < 2) columns.push('zz'); // one column sniffs no delimiter; others start with c
    const id = idColumn ?? columns[0]!;
    const row = fc.tuple(...columns.map(() => cellText));
    return fc.array(row, { minLength: rowCount, maxLength: rowCount }).map((cells) => ({
      columns,
      idColumn: id,
      // Ids start and end with a letter or digit (ids are trimmed) and are unique.
      rows: cells.map((values, r) =>
        Object.fromEntries(
          columns.map((column, i) => [column, column === id ? `s${values[i]}#${r}` : values[i]!]),
        ),
      ),
    }));
  });

const styleArbitrary: fc.Arbitrary<Style> = fc.record({
  delimiter: fc.constantFrom('\t' as const, ',' as const, ';' as const),
  quoteAll: fc.boolean(),
  lineEnd: fc.constantFrom('\n' as const, '\r\n' as const),
  bom: fc.boolean(),
  finalLineEnd: fc.boolean(),
  blankLines: fc.array(fc.nat(), { maxLength: 3 }),
});

function quote(field: string, style: Style, mustQuote: RegExp): string {
  if (!style.quoteAll && !mustQuote.test(field)) return field;
  return `"${field.replaceAll('"', '""')}"`;
}

function serializeLines(table: Table, style: Style): string[] {
  // Header names with any candidate delimiter are quoted so only the real one is counted.
  const headerNeedsQuotes = /["\t,;\r\n]/;
  const valueNeedsQuotes = new RegExp(`["\\r\\n${style.delimiter}]`);
  const header = table.columns.map((c) => quote(c, style, headerNeedsQuotes));
  const rows = table.rows.map((row) =>
    table.columns.map((c) => quote(row[c]!, style, valueNeedsQuotes)).join(style.delimiter),
  );
  return [header.join(style.delimiter), ...rows];
}

function serialize(table: Table, style: Style): string {
  const lines = serializeLines(table, style);
  const blank = new Set(style.blankLines.map((at) => at % (lines.length + 1)));
  const out: string[] = [];
  lines.forEach((line, i) => {
    if (blank.has(i)) out.push('');
    out.push(line);
  });
  if (blank.has(lines.length)) out.push('');
  const body = out.join(style.lineEnd) + (style.finalLineEnd ? style.lineEnd : '');
  return (style.bom ? '\ufeff' : '') + body;
}

function expectTable(outcome: Outcome<MetadataTable>, table: Table): void {
  if (!outcome.ok) throw outcome.error;
  const read = outcome.value;
  expect(read.columns).toEqual(table.columns);
  expect(read.idColumn).toBe(table.idColumn);
  expect([...read.rows.keys()]).toEqual(table.rows.map((row) => row[table.idColumn]));
  expect([...read.rows.values()]).toEqual(table.rows);
}

const byteLength = (text: string): number => Buffer.byteLength(text, 'utf8');

/**
 * `table` with a last column `pad` whose header (or first row's value) is padded so that a
 * 64 kB chunk boundary falls `offset` bytes after it: on a line end, inside a quote escape,
 * inside a multi-byte character.
 */
function withChunkBoundary(table: Table, style: Style, inHeader: boolean, offset: number): Table {
  const padded = (length: number): Table => {
    const pad = 'x'.repeat(length);
    const rows = table.rows.map((row, i) => ({
      ...row,
      [`pad${inHeader ? pad : ''}`]: i === 0 && !inHeader ? pad : '',
    }));
    return { ...table, columns: [...table.columns, `pad${inHeader ? pad : ''}`], rows };
  };
  const plain = { ...style, blankLines: [], finalLineEnd: false };
  const lines = serializeLines(padded(0), plain);
  const before =
    (style.bom ? 3 : 0) +
    byteLength(inHeader ? lines[0]! : `${lines[0]}${style.lineEnd}${lines[1]}`);
  // A quoted last field ends with its closing quote, after the padding.
  const quoteAdjust = style.quoteAll ? 1 : 0;
  return padded(Math.max(0, CHUNK_BYTES - (before - quoteAdjust) - offset));
}

describe('readMetadata (property)', { timeout: FUZZ_TEST_TIMEOUT_MS }, () => {
  it('reads generated tables back exactly: every delimiter, quoting, BOM, CRLF, blank lines', async () => {
    await fc.assert(
      fc.asyncProperty(tableArbitrary, styleArbitrary, async (table, style) => {
        expectTable(await readText(serialize(table, style)), table);
      }),
      { numRuns: fuzzRuns(400), seed: fuzzSeed() },
    );
  });

  it('reads tables whose 64 kB chunk boundary falls anywhere in the header or the rows', async () => {
    const cases = fc.record({
      table: tableArbitrary.filter((t) => t.rows.length > 0),
      style: styleArbitrary.map((s) => ({ ...s, blankLines: [] })),
      inHeader: fc.boolean(),
      offset: fc.nat({ max: 120 }),
    });
    await fc.assert(
      fc.asyncProperty(cases, async ({ table, style, inHeader, offset }) => {
        const padded = withChunkBoundary(table, style, inHeader, offset);
        expectTable(await readText(serialize(padded, style)), padded);
      }),
      { numRuns: fuzzRuns(60), seed: fuzzSeed() },
    );
  });

  it('refuses a duplicate id naming both lines', async () => {
    const cases = fc.record({
      table: tableArbitrary.filter((t) => t.rows.length >= 2),
      style: styleArbitrary.map((s) => ({ ...s, blankLines: [] })),
      from: fc.nat(),
      to: fc.nat(),
    });
    await fc.assert(
      fc.asyncProperty(cases, async ({ table, style, from, to }) => {
        const rows = table.rows.map((row) => ({ ...row }));
        const first = from % rows.length;
        const second = (first + 1 + (to % (rows.length - 1))) % rows.length;
        const [early, late] = first < second ? [first, second] : [second, first];
        rows[late]![table.idColumn] = rows[early]![table.idColumn]!;
        const outcome = await readText(serialize({ ...table, rows }, style));
        if (outcome.ok) throw new Error('a duplicate id was accepted');
        const error = outcome.error as MetadataError;
        const lineOf = (index: number): number =>
          1 +
          serializeLines({ ...table, rows: rows.slice(0, index) }, style)
            .join('\n')
            .split('\n').length;
        expect(error.line).toBe(lineOf(late));
        expect(error.message).toContain(`(first on line ${lineOf(early)})`);
      }),
      { numRuns: fuzzRuns(150), seed: fuzzSeed() },
    );
  });

  function expectWellFormed(outcome: Outcome<MetadataTable>, text: string): void {
    if (outcome.ok) {
      const { columns, idColumn, rows } = outcome.value;
      expect(new Set(columns).size).toBe(columns.length);
      expect(columns).toContain(idColumn);
      for (const [id, row] of rows) {
        expect(id).not.toBe('');
        expect(Object.keys(row)).toEqual(columns);
        expect(row[idColumn]!.trim()).toBe(id);
      }
      return;
    }
    const error = outcome.error as MetadataError;
    expect(error.file).toBe(FILE);
    if (error.line !== null) {
      expect(error.message.startsWith(`${FILE}, line ${error.line}: `)).toBe(true);
      expect(error.line).toBeGreaterThanOrEqual(1);
      expect(error.line).toBeLessThanOrEqual(text.split('\n').length);
    }
  }

  it('gives a table or a MetadataError naming file and line for mutated tables', async () => {
    const cases = fc.record({
      table: tableArbitrary,
      style: styleArbitrary,
      edits: fc.array(textEdit, { minLength: 1, maxLength: 6 }),
    });
    await fc.assert(
      fc.asyncProperty(cases, async ({ table, style, edits }) => {
        const text = applyTextEdits(serialize(table, style), edits);
        expectWellFormed(await readText(text), text);
      }),
      { numRuns: fuzzRuns(800), seed: fuzzSeed() },
    );
  });

  it('gives a table or a MetadataError for random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 3000 }), async (bytes) => {
        const text = new TextDecoder().decode(bytes);
        expectWellFormed(await readText(bytes), text);
      }),
      { numRuns: fuzzRuns(400), seed: fuzzSeed() },
    );
  });
});
