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
