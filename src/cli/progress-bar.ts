/** A progress bar on stderr: redrawn in place on a terminal, a line every few seconds otherwise. */
import type { JobProgress } from '../shared/types';

const WIDTH = 28;

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '--';
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
}

export function renderProgressLine(label: string, progress: JobProgress): string {
  const fraction = progress.total > 0 ? Math.min(1, progress.done / progress.total) : 0;
  const filled = Math.round(fraction * WIDTH);
  const bar = `${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}`;
  const eta = progress.etaSeconds === null ? '' : ` ETA ${formatDuration(progress.etaSeconds)}`;
  return (
    `${label} [${bar}] ${(fraction * 100).toFixed(0).padStart(3)}% ` + countsOf(progress) + `${eta}`
  );
}

function countsOf(progress: JobProgress): string {
  const rate = `(${Math.round(progress.recordsPerSecond).toLocaleString('en-US')}/s)`;
  if (progress.unit === 'bytes')
    return `${formatBytes(progress.done)}/${formatBytes(progress.total)} ${progress.records.toLocaleString('en-US')} records ${rate}`;
  if (progress.unit === 'steps') return progress.message;
  return `${progress.done.toLocaleString('en-US')}/${progress.total.toLocaleString('en-US')} sequences ${rate}`;
}

export class ProgressBar {
  private lastLine = 0;
  private drawn = false;

  constructor(
    private readonly stream: NodeJS.WriteStream = process.stderr,
    private readonly enabled = true,
  ) {}

  update(label: string, progress: JobProgress): void {
    if (!this.enabled) return;
    const line = renderProgressLine(label, progress);
    if (this.stream.isTTY) {
      this.stream.write(`\r${line.slice(0, (this.stream.columns ?? 120) - 1)}\x1b[K`);
      this.drawn = true;
    } else if (Date.now() - this.lastLine > 2000) {
      this.lastLine = Date.now();
      this.stream.write(`${line}\n`);
    }
  }

  done(): void {
    if (this.drawn && this.stream.isTTY) this.stream.write('\n');
    this.drawn = false;
  }
}
