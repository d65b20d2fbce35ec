/** Human-readable text for import reports and dataset lists. */
import type { DatasetSummary, ImportReport } from '../shared/types';
import { formatBytes } from './progress-bar';

export function formatImportReport(report: ImportReport): string {
  const lines: string[] = [];
  const { records } = report;
  if (report.dataset) {
    lines.push(
      `Imported dataset #${report.dataset.id} "${report.dataset.name}": ${records.valid} sequences, ` +
        `${records.invalid} invalid record(s) skipped.`,
    );
  } else if (report.duplicateOf) {
    lines.push(
      `Nothing imported: identical content is already dataset #${report.duplicateOf.id} "${report.duplicateOf.name}".`,
    );
  } else {
    lines.push(`Nothing imported: no valid records (${records.invalid} invalid).`);
  }
  for (const file of report.files) {
    lines.push(
      `  ${file.name}  ${file.format}${file.gzip ? ' (gzip)' : ''}  ${formatBytes(file.bytes)}  ` +
        `${file.records} records: ${file.valid} valid, ${file.invalid} invalid`,
    );
  }
  if (report.metadata) {
    const m = report.metadata;
    lines.push(
      `Metadata ${m.file}: ${m.rows} rows joined on '${m.idColumn}', ${m.matched} matched, ` +
        `${m.unmatchedCount} without a sequence, ${m.sequencesWithoutMetadata} sequences without metadata.`,
    );
    if (m.unmatchedIds.length)
      lines.push(
        `  unmatched ids: ${m.unmatchedIds.slice(0, 20).join(', ')}${m.unmatchedCount > 20 ? ', ...' : ''}`,
      );
  }
  if (report.errorCount) {
    lines.push(`Errors (${report.errorCount}):`);
    for (const error of report.errors.slice(0, 50)) {
      lines.push(`  ${error.file}:${error.line}  ${error.recordId ?? '-'}  ${error.reason}`);
    }
    if (report.errorCount > 50)
      lines.push(`  ... ${report.errorCount - 50} more (use --json for all stored errors)`);
  }
  return lines.join('\n');
}

export function formatDatasets(datasets: DatasetSummary[]): string {
  if (!datasets.length) return 'No datasets yet. Import one with: variantdesk import <files...>';
  const header = ['id', 'name', 'sequences', 'invalid', 'bases', 'files', 'created'];
  const rows = datasets.map((d) => [
    String(d.id),
    d.name,
    String(d.sequenceCount),
    String(d.invalidCount),
    String(d.totalBases),
    d.sourceFiles.map((f) => f.name).join(','),
    d.createdAt,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  return [header, ...rows]
    .map((r) =>
      r
        .map((c, i) => c.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
