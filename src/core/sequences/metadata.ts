/**
 * Reads a metadata table (CSV or TSV, delimiter sniffed from the header line) keyed by the
 * sequence id column. Problems that make the table unusable throw `MetadataError`.
 */
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { InvalidInputError } from '../errors';
import { DelimitedRowSplitter, type DelimitedRow } from './delimited-rows';
import { DelimiterSniffer, type SniffedHeader } from './delimiter-sniffer';

export interface MetadataTable {
  file: string;
  columns: string[];
  idColumn: string;
  /** Rows by id; each row holds every column, the id column included. */
  rows: Map<string, Record<string, string>>;
}

/** The table cannot be used; `message` names the file (and line, when there is one). */
export class MetadataError extends InvalidInputError {
  constructor(
    readonly file: string,
    readonly line: number | null,
    reason: string,
  ) {
    super(line === null ? `${file}: ${reason}` : `${file}, line ${line}: ${reason}`);
  }
}

/** Columns taken as the id, in order of preference (compared case-insensitively). */
const ID_COLUMNS = ['strain', 'name', 'seqname', 'id', 'sequence_id', 'accession'];

function pickIdColumn(columns: string[]): string {
  const lower = columns.map((column) => column.toLowerCase());
  for (const candidate of ID_COLUMNS) {
    const index = lower.indexOf(candidate);
    if (index !== -1) return columns[index]!;
  }
  return columns[0]!;
}

class TableBuilder {
  columns: string[] | null = null;
  idColumn = '';
  private idIndex = 0;
  private delimiterName = '';
  readonly rows = new Map<string, Record<string, string>>();
  private readonly firstLine = new Map<string, number>();

  constructor(private readonly file: string) {}

  setDelimiter(name: string): void {
    this.delimiterName = name;
  }

  add(row: DelimitedRow): void {
    const { fields, line } = row;
    if (fields.length === 1 && fields[0]!.trim() === '') return; // blank line
    if (this.columns === null) return this.setHeader(fields, line);
    const columns = this.columns;
    if (fields.length !== columns.length) {
      const extraAreEmpty = fields.slice(columns.length).every((field) => field === '');
      if (fields.length < columns.length || !extraAreEmpty) {
        throw new MetadataError(
          this.file,
          line,
          `${fields.length} field${fields.length === 1 ? '' : 's'}, expected ${columns.length} (${this.delimiterName}-separated, as the header line)`,
        );
      }
    }
    const id = fields[this.idIndex]!.trim();
    if (id === '') throw new MetadataError(this.file, line, `empty ${this.idColumn}`);
    const first = this.firstLine.get(id);
    if (first !== undefined) {
      throw new MetadataError(
        this.file,
        line,
        `duplicate ${this.idColumn} '${id}' (first on line ${first})`,
      );
    }
    this.firstLine.set(id, line);
    this.rows.set(id, Object.fromEntries(columns.map((column, i) => [column, fields[i]!])));
  }

  private setHeader(fields: string[], line: number): void {
    const columns = fields.map((field, i) => field.trim() || `column_${i + 1}`);
    const seen = new Set<string>();
    for (const column of columns) {
      if (seen.has(column))
        throw new MetadataError(this.file, line, `duplicate column '${column}'`);
      seen.add(column);
    }
    this.columns = columns;
    this.idColumn = pickIdColumn(columns);
    this.idIndex = columns.indexOf(this.idColumn);
  }
}

/** Reads `path` as a metadata table (streamed; rows are kept in memory). */
export async function readMetadata(path: string, displayName?: string): Promise<MetadataTable> {
  const file = displayName ?? basename(path);
  const decoder = new TextDecoder('utf-8'); // drops a BOM
  const table = new TableBuilder(file);
  const sniffer = new DelimiterSniffer();
  let splitter: DelimitedRowSplitter | null = null;
  const start = (header: SniffedHeader): DelimitedRowSplitter => {
    const first = header.line.trimStart()[0];
    if (first === '>' || first === '@') {
      throw new MetadataError(
        file,
        header.lineNumber,
        'this looks like sequence data, not a metadata table',
      );
    }
    table.setDelimiter(header.delimiter.name);
    return new DelimitedRowSplitter(header.delimiter.code);
  };
  const feed = (text: string): void => {
    if (splitter === null) {
      const header = sniffer.push(text);
      if (header === null) return;
      splitter = start(header);
      text = sniffer.buffered;
    }
    for (const row of splitter.push(text)) table.add(row);
  };
  try {
    for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
      feed(decoder.decode(chunk, { stream: true }));
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new MetadataError(file, null, 'file not found');
    throw error;
  }
  feed(decoder.decode());
  if (splitter === null) {
    const header = sniffer.end();
    if (header === null) throw new MetadataError(file, null, 'empty file');
    splitter = start(header);
    for (const row of splitter.push(sniffer.buffered)) table.add(row);
  }
  const { rows, unterminatedAt } = (splitter as DelimitedRowSplitter).end();
  if (unterminatedAt !== null) {
    throw new MetadataError(file, unterminatedAt, 'a quoted field is never closed');
  }
  for (const row of rows) table.add(row);
  if (table.columns === null) throw new MetadataError(file, null, 'empty file');
  return { file, columns: table.columns, idColumn: table.idColumn, rows: table.rows };
}
