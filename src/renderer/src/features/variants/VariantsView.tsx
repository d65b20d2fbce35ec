import type { AnalysisSummary } from '../../../../shared/analysis-types';
import { useMutationMap } from './useMutationMap';
import { useMutationQuery } from './useMutationQuery';
import { useMutationPagesStore } from './mutation-pages.store';
import { useVariantsStore } from './variants.store';
import { GenomeMapCard } from './GenomeMapCard';
import { MutationFilters } from './MutationFilters';
import { MutationSidePanel } from './MutationSidePanel';
import { MutationTable } from './MutationTable';
import { LoadError } from '../../ui/LoadError';

/** The Variants page's content for one analysis: map, filters, table and side panel. */
export function VariantsView({ analysis }: { analysis: AnalysisSummary }) {
  const filter = useMutationQuery(analysis);
  const map = useMutationMap(analysis.id, filter);
  const total = useMutationPagesStore((state) => state.total);
  const loadError = useMutationPagesStore((state) => state.error);
  const toggleGene = useVariantsStore((state) => state.toggleGene);
  const selectMutation = useVariantsStore((state) => state.selectMutation);
  const selected = useVariantsStore((state) => state.selectedMutation);
  const range = {
    start: Math.min(filter.minPosition ?? 1, analysis.pathogen.genomeLength),
    end: Math.min(
      filter.maxPosition ?? analysis.pathogen.genomeLength,
      analysis.pathogen.genomeLength,
    ),
  };

  return (
    <>
      <GenomeMapCard
        analysis={analysis}
        total={total}
        data={map.data}
        error={map.error}
        range={range.end > range.start ? range : { start: 1, end: analysis.pathogen.genomeLength }}
        selectedGene={filter.gene ?? ''}
        selectedLabel={selected?.analysisId === analysis.id ? selected.mutation.label : null}
        onGeneClick={toggleGene}
        onMutationClick={(mutation) => selectMutation({ analysisId: analysis.id, mutation })}
      />
      <MutationFilters genes={analysis.pathogen.genes} />
      <LoadError what="mutations" error={loadError} />
      <div className="split has-detail split-narrow">
        <MutationTable analysisId={analysis.id} />
        <MutationSidePanel analysis={analysis} />
      </div>
    </>
  );
}
