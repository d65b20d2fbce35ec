import { AnalysisExportButtons } from '../analysis/AnalysisExportButtons';
import { AnalysisWorkspace } from '../analysis/AnalysisWorkspace';
import { ExportMenu } from '../../ui/ExportMenu';
import { VariantsView } from './VariantsView';

export function VariantsPage() {
  return (
    <AnalysisWorkspace
      title="Variants"
      intro="Where the dataset's mutations fall on the genome, how common they are, and who carries them."
      actions={(analysis) => (
        <ExportMenu>
          <AnalysisExportButtons
            analysisId={analysis.id}
            table="mutations"
            label="Mutation table"
            formats={['tsv', 'csv', 'json', 'ndjson']}
          />
          <AnalysisExportButtons
            analysisId={analysis.id}
            table="calls"
            label="Calls per sequence"
            formats={['tsv', 'csv', 'json', 'ndjson']}
          />
          <AnalysisExportButtons
            analysisId={analysis.id}
            table="aligned"
            label="Aligned sequences"
            formats={['fasta']}
          />
        </ExportMenu>
      )}
    >
      {(analysis) => <VariantsView analysis={analysis} />}
    </AnalysisWorkspace>
  );
}
