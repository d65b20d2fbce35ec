import { AnalysisExportButtons } from '../analysis/AnalysisExportButtons';
import { AnalysisWorkspace } from '../analysis/AnalysisWorkspace';
import { ExportMenu } from '../../ui/ExportMenu';
import { QcView } from './QcView';

export function QcPage() {
  return (
    <AnalysisWorkspace
      title="QC"
      intro="Each sequence aligned to its pathogen's reference, scored by six rules, and judged."
      actions={(analysis) => (
        <ExportMenu>
          <AnalysisExportButtons
            analysisId={analysis.id}
            table="qc"
            label="QC table"
            formats={['tsv', 'csv', 'json', 'ndjson']}
          />
        </ExportMenu>
      )}
    >
      {(analysis) => <QcView analysis={analysis} />}
    </AnalysisWorkspace>
  );
}
