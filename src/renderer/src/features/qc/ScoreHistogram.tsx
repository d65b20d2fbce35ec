/**
 * Overall QC scores of the aligned sequences, one bar per score bin (bins are of unequal
 * width, drawn equal), coloured by the verdict zone, with the 30 and 100 boundaries marked.
 */
import type { ScoreBin } from '../../../../shared/analysis-types';
import { useElementWidth } from '../../hooks/useElementWidth';
import { formatShort } from '../../lib/chart-scale';
import { formatCount } from '../../lib/format';
import { BAD_FROM, MEDIOCRE_FROM, verdictLabels, verdictOfScore } from './verdicts';

const HEIGHT = 140;
const TOP = 20;
const BOTTOM = 36;
const SIDE = 10;
const GAP = 3;

/** The bin's exclusive upper bound; JSON turns the last bin's Infinity into null. */
function upperBound(bin: ScoreBin): number {
  return typeof bin.to === 'number' ? bin.to : Infinity;
}

/** Where `score` falls along the bins, as a fractional bin index. */
function binPosition(bins: ScoreBin[], score: number): number | null {
  const index = bins.findIndex((bin) => score >= bin.from && score < upperBound(bin));
  const bin = bins[index];
  if (!bin) return null;
  const to = upperBound(bin);
  return index + (Number.isFinite(to) ? (score - bin.from) / (to - bin.from) : 0);
}

export function ScoreHistogram({ bins }: { bins: ScoreBin[] }) {
  const [ref, width] = useElementWidth<HTMLDivElement>(480);
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const binWidth = (width - 2 * SIDE) / Math.max(1, bins.length);
  const maxCount = Math.max(1, ...bins.map((bin) => bin.count));
  const total = bins.reduce((sum, bin) => sum + bin.count, 0);
  const baseline = TOP + plotHeight;
  const boundaries = [
    { score: MEDIOCRE_FROM, label: `${MEDIOCRE_FROM} mediocre` },
    { score: BAD_FROM, label: `${BAD_FROM} bad` },
  ];

  return (
    <div ref={ref} className="chart">
      <svg
        width={width}
        height={HEIGHT}
        role="img"
        aria-label={`Histogram of the overall QC scores of ${formatCount(total)} aligned sequences`}
      >
        {bins.map((bin, index) => {
          const height = bin.count > 0 ? Math.max(2, (bin.count / maxCount) * plotHeight) : 0;
          const x = SIDE + index * binWidth + GAP / 2;
          const zone = verdictOfScore(bin.from);
          const to = upperBound(bin);
          const range = Number.isFinite(to) ? `${bin.from}–${to}` : `${bin.from} and above`;
          return (
            <g key={bin.from}>
              <title>{`Score ${range}: ${formatCount(bin.count)} sequences (${verdictLabels[zone].toLowerCase()})`}</title>
              <rect
                className={`hist-zone hist-zone-${zone}`}
                x={x}
                y={TOP}
                width={binWidth - GAP}
                height={plotHeight}
              />
              <rect
                className={`hist-bar hist-bar-${zone}`}
                x={x}
                y={baseline - height}
                width={binWidth - GAP}
                height={height}
                rx={2}
              />
              {bin.count > 0 && (
                <text
                  className="chart-value"
                  x={x + (binWidth - GAP) / 2}
                  y={baseline - height - 4}
                >
                  {formatCount(bin.count)}
                </text>
              )}
              <text className="chart-tick" x={SIDE + index * binWidth} y={baseline + 14}>
                {formatShort(bin.from)}
              </text>
            </g>
          );
        })}
        <line className="chart-axis" x1={SIDE} x2={width - SIDE} y1={baseline} y2={baseline} />
        {boundaries.map((boundary) => {
          const position = binPosition(bins, boundary.score);
          if (position === null) return null;
          const x = SIDE + position * binWidth;
          return (
            <g key={boundary.score}>
              <line className="chart-boundary" x1={x} x2={x} y1={TOP - 6} y2={baseline} />
              <text className="chart-boundary-label" x={x + 4} y={TOP - 10}>
                {boundary.label}
              </text>
            </g>
          );
        })}
        <text className="chart-caption" x={width / 2} y={HEIGHT - 6}>
          Overall QC score
        </text>
      </svg>
    </div>
  );
}
