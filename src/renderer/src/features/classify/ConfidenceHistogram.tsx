/**
 * Calibrated confidence of the run's sequences, one bar per bin, assigned and unassigned
 * stacked, with the model's confidence threshold marked.
 */
import type { ConfidenceBin } from '../../../../shared/classify-types';
import { useElementWidth } from '../../hooks/useElementWidth';
import { formatConfidence } from './classify-labels';
import { formatCount, formatPercent } from '../../lib/format';

const HEIGHT = 170;
const TOP = 22;
const BOTTOM = 36;
const SIDE = 10;
const GAP = 2;

interface ConfidenceHistogramProps {
  bins: ConfidenceBin[];
  threshold: number;
}

interface BinBarProps {
  bin: ConfidenceBin;
  /** The bin's left edge. */
  x: number;
  binWidth: number;
  baseline: number;
  heightOf(count: number): number;
  /** Whether the bin's lower bound is written under it. */
  ticked: boolean;
}

/** One bin: assigned below, unassigned stacked on top, the total above. */
function BinBar({ bin, x: left, binWidth, baseline, heightOf, ticked }: BinBarProps) {
  const x = left + GAP / 2;
  const assignedHeight = heightOf(bin.assigned);
  const unassignedHeight = heightOf(bin.unassigned);
  const total = bin.assigned + bin.unassigned;
  return (
    <g>
      <title>{`Confidence ${formatPercent(bin.from, 0)}–${formatPercent(bin.to, 0)}: ${formatCount(bin.assigned)} assigned, ${formatCount(bin.unassigned)} unassigned`}</title>
      <rect
        className="conf-bar-assigned"
        x={x}
        y={baseline - assignedHeight}
        width={binWidth - GAP}
        height={assignedHeight}
      />
      <rect
        className="conf-bar-unassigned"
        x={x}
        y={baseline - assignedHeight - unassignedHeight}
        width={binWidth - GAP}
        height={unassignedHeight}
      />
      {total > 0 && (
        <text
          className="chart-value"
          x={x + (binWidth - GAP) / 2}
          y={baseline - assignedHeight - unassignedHeight - 4}
        >
          {formatCount(total)}
        </text>
      )}
      {ticked && (
        <text className="chart-tick" x={left} y={baseline + 14}>
          {formatPercent(bin.from, 0)}
        </text>
      )}
    </g>
  );
}

interface ThresholdMarkerProps {
  threshold: number;
  x: number;
  width: number;
  baseline: number;
}

/** The model's confidence threshold: a line and its label, kept inside the chart. */
function ThresholdMarker({ threshold, x, width, baseline }: ThresholdMarkerProps) {
  const nearRight = x > width - 120;
  return (
    <>
      <line className="chart-boundary" x1={x} x2={x} y1={TOP - 6} y2={baseline} />
      <text
        className="chart-boundary-label"
        x={x + (nearRight ? -4 : 4)}
        y={TOP - 10}
        textAnchor={nearRight ? 'end' : 'start'}
      >
        threshold {formatConfidence(threshold)}
      </text>
    </>
  );
}

export function ConfidenceHistogram({ bins, threshold }: ConfidenceHistogramProps) {
  const [ref, width] = useElementWidth<HTMLDivElement>(420);
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const baseline = TOP + plotHeight;
  const binWidth = (width - 2 * SIDE) / Math.max(1, bins.length);
  const maxCount = Math.max(1, ...bins.map((bin) => bin.assigned + bin.unassigned));
  const heightOf = (count: number) =>
    count > 0 ? Math.max(1, (count / maxCount) * plotHeight) : 0;
  const first = bins[0]?.from ?? 0;
  const last = bins[bins.length - 1]?.to ?? 1;
  const xOf = (confidence: number) =>
    SIDE + ((confidence - first) / (last - first || 1)) * (width - 2 * SIDE);
  const assigned = bins.reduce((sum, bin) => sum + bin.assigned, 0);
  const unassigned = bins.reduce((sum, bin) => sum + bin.unassigned, 0);
  const thresholdX = xOf(threshold);
  // Tick every other bin when bins are narrow.
  const tickEvery = binWidth < 34 ? 2 : 1;

  return (
    <figure className="confidence-chart">
      <figcaption className="card-title">
        Confidence <span className="muted small">per sequence, calibrated</span>
      </figcaption>
      <div ref={ref} className="chart">
        <svg
          width={width}
          height={HEIGHT}
          role="img"
          aria-label={`Confidence distribution: ${formatCount(assigned)} assigned and ${formatCount(unassigned)} unassigned sequences; threshold ${formatConfidence(threshold)}`}
        >
          {bins.map((bin, index) => (
            <BinBar
              key={bin.from}
              bin={bin}
              x={SIDE + index * binWidth}
              binWidth={binWidth}
              baseline={baseline}
              heightOf={heightOf}
              ticked={index % tickEvery === 0}
            />
          ))}
          <text className="chart-tick" x={width - SIDE} y={baseline + 14}>
            {formatPercent(last, 0)}
          </text>
          <line className="chart-axis" x1={SIDE} x2={width - SIDE} y1={baseline} y2={baseline} />
          <ThresholdMarker threshold={threshold} x={thresholdX} width={width} baseline={baseline} />
          <text className="chart-caption" x={width / 2} y={HEIGHT - 6}>
            Confidence of the most probable label
          </text>
        </svg>
      </div>
      <p className="legend small" aria-hidden="true">
        <span className="legend-item legend-assigned">Assigned</span>
        <span className="legend-item legend-unassigned">Unassigned</span>
      </p>
    </figure>
  );
}
