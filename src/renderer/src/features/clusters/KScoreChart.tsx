/** Silhouette of each k that k-means tried, the chosen k marked: a small SVG line chart. */
import type { KScore } from '../../../../shared/cluster-types';
import { linearScale } from '../../lib/chart-scale';

const WIDTH = 220;
const HEIGHT = 84;
const LEFT = 30;
const RIGHT = 8;
const TOP = 8;
const BOTTOM = 20;

interface KScoreChartProps {
  scores: KScore[];
  chosenK: number | null;
}

export function KScoreChart({ scores, chosenK }: KScoreChartProps) {
  const ks = scores.map((score) => score.k);
  const values = scores.map((score) => score.silhouette);
  const minValue = Math.min(0, ...values);
  const maxValue = Math.max(...values, 0.01);
  const x = linearScale(Math.min(...ks), Math.max(...ks), LEFT, WIDTH - RIGHT);
  const y = linearScale(minValue, maxValue, HEIGHT - BOTTOM, TOP);
  const path = scores
    .map((score, index) => `${index === 0 ? 'M' : 'L'}${x(score.k)},${y(score.silhouette)}`)
    .join(' ');
  const chosen = scores.find((score) => score.k === chosenK);
  const description = scores
    .map((score) => `k=${score.k}: ${score.silhouette.toFixed(3)}`)
    .join(', ');

  return (
    <figure className="k-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width={WIDTH}
        height={HEIGHT}
        role="img"
        aria-label={`Silhouette by k: ${description}`}
      >
        <line className="chart-axis" x1={LEFT} x2={WIDTH - RIGHT} y1={y(0)} y2={y(0)} />
        <text className="chart-tick chart-tick-left" x={LEFT - 4} y={y(maxValue) + 4}>
          {maxValue.toFixed(2)}
        </text>
        <text className="chart-tick chart-tick-left" x={LEFT - 4} y={y(minValue) + 4}>
          {minValue.toFixed(2)}
        </text>
        <path className="k-chart-line" d={path} />
        {scores.map((score) => (
          <circle
            key={score.k}
            className={score.k === chosenK ? 'k-chart-dot is-chosen' : 'k-chart-dot'}
            cx={x(score.k)}
            cy={y(score.silhouette)}
            r={score.k === chosenK ? 4 : 2.5}
          />
        ))}
        {[ks[0]!, ks[ks.length - 1]!].map((k) => (
          <text key={k} className="chart-tick" x={x(k)} y={HEIGHT - 6} textAnchor="middle">
            {k}
          </text>
        ))}
        {chosen && (
          <text className="chart-tick" x={x(chosen.k)} y={HEIGHT - 6} textAnchor="middle">
            {chosen.k}
          </text>
        )}
      </svg>
      <figcaption className="muted small">Silhouette by k</figcaption>
    </figure>
  );
}
