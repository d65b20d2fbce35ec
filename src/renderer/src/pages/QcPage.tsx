import { AnalysisExportButtons } from '../components/AnalysisExportButtons';
import { AnalysisWorkspace } from '../components/AnalysisWorkspace';
import { ExportMenu } from '../components/ExportMenu';
import { QcView } from '../components/QcView';

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
