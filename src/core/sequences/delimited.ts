/** TSV and CSV writing (RFC 4180 quoting for CSV; tabs and newlines replaced in TSV). */

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function tsvField(value: string): string {
  return value.replace(/[\t\r\n]+/g, ' ');
}

export function formatTable(header: string[], rows: string[][], format: 'tsv' | 'csv'): string {
  const field = format === 'csv' ? csvField : tsvField;
  const separator = format === 'csv' ? ',' : '\t';
  const lines = [header, ...rows].map((cells) => cells.map(field).join(separator));
  return `${lines.join('\n')}\n`;
}

export type RecordValue = string | number | null;
export type RecordFormat = 'tsv' | 'csv' | 'json' | 'ndjson';

export const MIME_TYPES = {
  tsv: 'text/tab-separated-values',
  csv: 'text/csv',
  json: 'application/json',
  ndjson: 'application/x-ndjson',
  fasta: 'text/x-fasta',
} as const;

/** Records as a table (the given columns, in order) or as JSON / NDJSON objects. */
export function formatRecords(
  records: Record<string, RecordValue>[],
  columns: string[],
  format: RecordFormat,
): string {
  if (format === 'json') return `${JSON.stringify(records, null, 2)}\n`;
  if (format === 'ndjson')
    return records.map((r) => JSON.stringify(r)).join('\n') + (records.length ? '\n' : '');
  const rows = records.map((r) =>
    columns.map((c) => (r[c] === null || r[c] === undefined ? '' : String(r[c]))),
  );
  return formatTable(columns, rows, format);
}
