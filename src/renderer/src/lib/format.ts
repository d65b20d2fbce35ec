/** Display formats shared by the pages; every number the analyst reads goes through here. */

const countFormat = new Intl.NumberFormat('en-US');

export function formatCount(value: number): string {
  return countFormat.format(value);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** A fraction in [0, 1] as a percentage. */
export function formatPercent(fraction: number, digits = 1): string {
  return `${(fraction * 100).toFixed(digits)}%`;
}

export function formatRate(perSecond: number, unit = 'records'): string {
  const rounded = perSecond < 10 ? perSecond.toFixed(1) : formatCount(Math.round(perSecond));
  return `${rounded} ${unit}/s`;
}

/** A QC score: one decimal, thousands separated (scores of bad sequences run into thousands). */
export function formatScore(score: number): string {
  return score.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

export function formatDuration(milliseconds: number): string {
  if (milliseconds < 1000) return `${Math.round(milliseconds)} ms`;
  const seconds = milliseconds / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  return `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
}

export function formatEta(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return 'estimating…';
  const rounded = Math.max(0, Math.round(seconds));
  if (rounded < 60) return `${rounded} s left`;
  const minutes = Math.floor(rounded / 60);
  if (minutes < 60) return `${minutes} min ${rounded % 60} s left`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min left`;
}

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

export function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
}

/** Progress as a fraction, 0 when the total is unknown. */
export function fractionOf(done: number, total: number): number {
  return total > 0 ? Math.min(1, done / total) : 0;
}
