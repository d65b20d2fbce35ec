/**
 * The reference genome along x: the filtered mutations as lollipops (height by frequency,
 * colour by kind) above the axis, the annotated genes as labelled blocks below it.
 */
import type { KeyboardEvent } from 'react';
import type { GeneSummary, MutationRow, PathogenSummary } from '../../../../shared/analysis-types';
import { useElementWidth } from '../../hooks/useElementWidth';
import { formatShort, linearScale, niceStep } from '../../lib/chart-scale';
import { formatCount, formatPercent } from '../../lib/format';
import { placeGenes } from './genome-layout';

const LEFT = 40;
const RIGHT = 14;
const STEM_TOP = 12;
const BASELINE = 78;
const GENES_TOP = BASELINE + 22;
const LANE_HEIGHT = 22;
const BLOCK_HEIGHT = 18;

interface GenomeMapProps {
  pathogen: PathogenSummary;
  mutations: MutationRow[];
  /** The reference range shown (the position filter), 1-based inclusive. */
  range: { start: number; end: number };
  selectedGene: string;
  selectedLabel: string | null;
  onGeneClick(gene: string): void;
  onMutationClick(mutation: MutationRow): void;
}

function onActivate(action: () => void) {
  return (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      action();
    }
  };
}

interface LollipopProps {
  mutation: MutationRow;
  x: number;
  y: number;
  selected: boolean;
  onClick(): void;
}

/** One mutation: a stem from the axis up to its frequency. */
function Lollipop({ mutation, x, y, selected, onClick }: LollipopProps) {
  const aa = mutation.aaChanges.length > 0 ? ` · ${mutation.aaChanges.join(', ')}` : '';
  return (
    <g
      className={`lollipop lollipop-${mutation.kind}${selected ? ' is-selected' : ''}`}
      onClick={onClick}
    >
      <title>{`${mutation.label}${aa} · ${formatPercent(mutation.frequency)} (${formatCount(mutation.count)})`}</title>
      <line x1={x} x2={x} y1={BASELINE} y2={y} />
      <circle cx={x} cy={y} r={selected ? 4.5 : 2.6} />
    </g>
  );
}

interface GeneBlockProps {
  gene: GeneSummary;
  /** The block's ends on screen, clipped to the range shown. */
  left: number;
  right: number;
  top: number;
  selected: boolean;
  onClick(): void;
}

/** One gene: a block (a button) named when its name fits in it. */
function GeneBlock({ gene, left, right, top, selected, onClick }: GeneBlockProps) {
  const blockWidth = Math.max(2, right - left);
  const fits = gene.name.length * 6.6 + 8 <= blockWidth;
  return (
    <g
      className={`gene-block${selected ? ' is-selected' : ''}`}
      role="button"
      tabIndex={0}
      aria-label={`Gene ${gene.name}`}
      aria-pressed={selected}
      onClick={onClick}
      onKeyDown={onActivate(onClick)}
    >
      <title>{`${gene.name}: ${formatCount(gene.start)}–${formatCount(gene.end)} (${gene.strand})`}</title>
      <rect x={left} y={top} width={blockWidth} height={BLOCK_HEIGHT} rx={3} />
      {fits && (
        <text x={left + blockWidth / 2} y={top + BLOCK_HEIGHT / 2 + 4}>
          {gene.name}
        </text>
      )}
    </g>
  );
}

export function GenomeMap({
  pathogen,
  mutations,
  range,
  selectedGene,
  selectedLabel,
  onGeneClick,
  onMutationClick,
}: GenomeMapProps) {
  const [ref, width] = useElementWidth<HTMLDivElement>(900);
  const { placed, lanes } = placeGenes(pathogen.genes);
  const height = GENES_TOP + lanes * LANE_HEIGHT + 2;
  const x = linearScale(range.start, range.end, LEFT, Math.max(LEFT + 1, width - RIGHT));
  const y = linearScale(0, 1, BASELINE - 4, STEM_TOP);
  const step = niceStep(range.end - range.start, Math.max(2, Math.floor(width / 110)));
  const ticks: number[] = [];
  for (let tick = Math.ceil(range.start / step) * step; tick <= range.end; tick += step) {
    ticks.push(tick);
  }
  // Frequent mutations last, so that they are drawn on top.
  const drawn = mutations
    .filter((mutation) => mutation.position >= range.start && mutation.position <= range.end)
    .sort((a, b) => a.frequency - b.frequency);

  return (
    <div ref={ref} className="chart genome-map">
      <svg width={width} height={height} role="group" aria-label={`Genome map of ${pathogen.name}`}>
        {[0.5, 1].map((level) => (
          <g key={level}>
            <line className="chart-grid" x1={LEFT} x2={width - RIGHT} y1={y(level)} y2={y(level)} />
            <text className="chart-tick chart-tick-left" x={LEFT - 6} y={y(level) + 4}>
              {formatPercent(level, 0)}
            </text>
          </g>
        ))}
        {drawn.map((mutation) => (
          <Lollipop
            key={mutation.label}
            mutation={mutation}
            x={x(mutation.position)}
            y={y(mutation.frequency)}
            selected={mutation.label === selectedLabel}
            onClick={() => onMutationClick(mutation)}
          />
        ))}
        <line className="chart-axis" x1={LEFT} x2={width - RIGHT} y1={BASELINE} y2={BASELINE} />
        {ticks.map((tick) => (
          <text key={tick} className="chart-tick" x={x(tick)} y={BASELINE + 14}>
            {formatShort(tick)}
          </text>
        ))}
        {placed.map(({ gene, lane }) =>
          gene.end < range.start || gene.start > range.end ? null : (
            <GeneBlock
              key={gene.name}
              gene={gene}
              left={x(Math.max(gene.start, range.start))}
              right={x(Math.min(gene.end, range.end))}
              top={GENES_TOP + lane * LANE_HEIGHT}
              selected={gene.name === selectedGene}
              onClick={() => onGeneClick(gene.name)}
            />
          ),
        )}
      </svg>
    </div>
  );
}
