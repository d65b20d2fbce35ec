/**
 * Labels per run over time: one stacked bar per run (assigned sequences by label, the most
 * frequent labels in their own colour), and the share unassigned as a line on the right axis.
 */
import { useMemo } from 'react';
import type { ClassificationSummary } from '../../../../shared/classify-types';
import { useElementWidth } from '../../hooks/useElementWidth';
import { linearScale, niceStep } from '../../lib/chart-scale';
import { MISSING_COLOR, valueColor } from '../clusters/cluster-colors';
import { modelName } from '../classify/classify-labels';
import { formatCount, formatDate, formatPercent } from '../../lib/format';
import { OTHER_LABELS, buildRunHistory, type RunStack } from './run-history';

const HEIGHT = 260;
const TOP = 16;
const BOTTOM = 44;
const LEFT = 48;
const RIGHT = 48;
const MAX_BAR = 56;

const seriesColor = (label: string, index: number) =>
  label === OTHER_LABELS ? MISSING_COLOR : valueColor(index);

type Scale = (value: number) => number;

/** Counts on the left axis, the unassigned share on the right, with grid lines. */
function ChartAxes({
  ticks,
  width,
  y,
  yShare,
}: {
  ticks: number[];
  width: number;
  y: Scale;
  yShare: Scale;
}) {
  return (
    <>
      {ticks.map((tick) => (
        <g key={tick}>
          <line className="chart-grid" x1={LEFT} x2={width - RIGHT} y1={y(tick)} y2={y(tick)} />
          <text className="chart-tick chart-tick-left" x={LEFT - 6} y={y(tick) + 4}>
            {formatCount(tick)}
          </text>
        </g>
      ))}
      {[0, 0.5, 1].map((share) => (
        <text
          key={share}
          className="chart-tick chart-tick-right"
          x={width - RIGHT + 6}
          y={yShare(share) + 4}
        >
          {formatPercent(share, 0)}
        </text>
      ))}
    </>
  );
}

/** A run's tooltip: which run, its counts by label and the unassigned. */
function runTitle(run: RunStack, series: string[]): string {
  const { classification } = run;
  const counts = series
    .map((label, seriesIndex) => ({ label, count: run.counts[seriesIndex] ?? 0 }))
    .filter((entry) => entry.count > 0)
    .map((entry) => `${entry.label}: ${formatCount(entry.count)}`)
    .join('\n');
  return (
    `Run #${classification.id} · ${classification.datasetName} · ${modelName(classification.model)} · ${formatDate(classification.createdAt)}\n` +
    counts +
    `\nUnassigned: ${formatCount(classification.unassignedCount)} (${formatPercent(run.unassignedShare)})`
  );
}

/** Where each series' count starts and ends in a run's stack; empty ones are left out. */
function stackSegments(counts: number[]): { seriesIndex: number; from: number; to: number }[] {
  const segments: { seriesIndex: number; from: number; to: number }[] = [];
  let stacked = 0;
  counts.forEach((count, seriesIndex) => {
    if (count === 0) return;
    segments.push({ seriesIndex, from: stacked, to: stacked + count });
    stacked += count;
  });
  return segments;
}

interface RunBarProps {
  run: RunStack;
  series: string[];
  center: number;
  barWidth: number;
  baseline: number;
  y: Scale;
  /** Whether the run's number and date are written under it. */
  labelled: boolean;
}

/** One run: its assigned sequences stacked by label. */
function RunBar({ run, series, center, barWidth, baseline, y, labelled }: RunBarProps) {
  const { classification } = run;
  const x = center - barWidth / 2;
  return (
    <g>
      <title>{runTitle(run, series)}</title>
      {stackSegments(run.counts).map(({ seriesIndex, from, to }) => {
        const y0 = y(from);
        const y1 = y(to);
        const label = series[seriesIndex]!;
        return (
          <rect
            key={label}
            x={x}
            y={y1}
            width={barWidth}
            height={Math.max(0.5, y0 - y1)}
            fill={seriesColor(label, seriesIndex)}
          />
        );
      })}
      {labelled && (
        <>
          <text className="chart-tick" x={center} y={baseline + 14}>
            #{classification.id}
          </text>
          <text className="chart-tick" x={center} y={baseline + 28}>
            {formatDate(classification.createdAt).replace(/,? \d{2}:\d{2}$/, '')}
          </text>
        </>
      )}
    </g>
  );
}

function RunHistoryLegend({ series }: { series: string[] }) {
  return (
    <ul className="legend small" aria-label="Legend">
      {series.map((label, index) => (
        <li key={label} className="legend-item legend-swatch">
          <span className="swatch" style={{ background: seriesColor(label, index) }} />
          {label}
        </li>
      ))}
      <li className="legend-item legend-swatch">
        <span className="share-swatch" aria-hidden="true" />
        Share unassigned (right axis)
      </li>
    </ul>
  );
}

export function RunHistoryChart({ classifications }: { classifications: ClassificationSummary[] }) {
  const [ref, width] = useElementWidth<HTMLDivElement>(720);
  const history = useMemo(() => buildRunHistory(classifications), [classifications]);
  const { series, runs, maxAssigned } = history;
  const baseline = HEIGHT - BOTTOM;
  const band = (width - LEFT - RIGHT) / Math.max(1, runs.length);
  const barWidth = Math.max(4, Math.min(MAX_BAR, band * 0.6));
  const step = niceStep(maxAssigned, 4);
  const top = Math.ceil(maxAssigned / step) * step;
  const y = linearScale(0, top, baseline, TOP);
  const yShare = linearScale(0, 1, baseline, TOP);
  const xCenter = (index: number) => LEFT + band * (index + 0.5);
  const ticks: number[] = [];
  for (let tick = 0; tick <= top; tick += step) ticks.push(tick);
  const linePath = runs
    .map(
      (run, index) => `${index === 0 ? 'M' : 'L'}${xCenter(index)},${yShare(run.unassignedShare)}`,
    )
    .join(' ');
  // Label every run when they fit, else every n-th.
  const labelEvery = Math.max(1, Math.ceil(70 / band));

  return (
    <section className="card stack-tight" aria-label="Labels per run">
      <h2 className="card-title">
        Labels per run{' '}
        <span className="muted small">assigned sequences by label, in time order</span>
      </h2>
      <div ref={ref} className="chart">
        <svg
          width={width}
          height={HEIGHT}
          role="img"
          aria-label={`Assigned sequences by label for ${formatCount(runs.length)} runs; unassigned share from ${formatPercent(Math.min(...runs.map((run) => run.unassignedShare)))} to ${formatPercent(Math.max(...runs.map((run) => run.unassignedShare)))}`}
        >
          <ChartAxes ticks={ticks} width={width} y={y} yShare={yShare} />
          {runs.map((run, index) => (
            <RunBar
              key={run.classification.id}
              run={run}
              series={series}
              center={xCenter(index)}
              barWidth={barWidth}
              baseline={baseline}
              y={y}
              labelled={index % labelEvery === 0}
            />
          ))}
          <line className="chart-axis" x1={LEFT} x2={width - RIGHT} y1={baseline} y2={baseline} />
          <path className="share-line" d={linePath} />
          {runs.map((run, index) => (
            <circle
              key={run.classification.id}
              className="share-dot"
              cx={xCenter(index)}
              cy={yShare(run.unassignedShare)}
              r={3}
            />
          ))}
        </svg>
      </div>
      <RunHistoryLegend series={series} />
    </section>
  );
}
