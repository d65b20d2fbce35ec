import type { AnalysisSummary, MutationRow } from '../../../../shared/analysis-types';
import { MAP_LIMIT, type MutationMapData } from './useMutationMap';
import { formatCount } from '../../lib/format';
import { GenomeMap } from './GenomeMap';
import { LoadError } from '../../ui/LoadError';

interface GenomeMapCardProps {
  analysis: AnalysisSummary;
  /** Mutations matching the filter (the table's count); null while it loads. */
  total: number | null;
  data: MutationMapData | null;
  error: string | null;
  range: { start: number; end: number };
  selectedGene: string;
  selectedLabel: string | null;
  onGeneClick(gene: string): void;
  onMutationClick(mutation: MutationRow): void;
}

/** The genome map with the count of mutations it stands for, its legend, what it leaves out. */
export function GenomeMapCard({ analysis, total, data, error, range, ...map }: GenomeMapCardProps) {
  return (
    <section className="card map-card" aria-labelledby="genome-map-title">
      <div className="row row-between">
        <div className="row">
          <h2 id="genome-map-title" className="card-title">
            Genome map
          </h2>
          <span className="muted small">
            {analysis.pathogen.name} reference, {formatCount(range.start)}–{formatCount(range.end)}
          </span>
          <span className="count-pill" role="status" aria-live="polite">
            {total === null
              ? 'Loading mutations…'
              : `${formatCount(total)} ${total === 1 ? 'mutation' : 'mutations'}`}
          </span>
        </div>
        <div className="legend small" aria-label="Legend">
          <span className="legend-item legend-substitution">Substitution</span>
          <span className="legend-item legend-deletion">Deletion</span>
          <span className="legend-item legend-insertion">Insertion</span>
          <span className="muted">height: frequency · click a gene to filter</span>
        </div>
      </div>
      <LoadError what="the map" error={error} />
      <GenomeMap pathogen={analysis.pathogen} mutations={data?.rows ?? []} range={range} {...map} />
      {data && data.total > MAP_LIMIT && (
        <p className="muted small">
          Showing the {formatCount(MAP_LIMIT)} most frequent of {formatCount(data.total)} mutations.
        </p>
      )}
    </section>
  );
}
