import { useEffect } from 'react';
import { LoadError } from '../../ui/LoadError';
import { useAnalysisStore } from '../analysis/analysis.store';
import { AddPathogenForm } from './AddPathogenForm';
import { PathogenTable } from './PathogenTable';
import { usePathogensStore } from './pathogens.store';

/** The pathogens VariantDesk aligns to, and the form that adds one from files. */
export function PathogensPage() {
  const pathogens = useAnalysisStore((state) => state.pathogens);
  const pathogensError = useAnalysisStore((state) => state.pathogensError);
  const reloadPathogens = useAnalysisStore((state) => state.reloadPathogens);
  const removalError = usePathogensStore((state) => state.removalError);

  useEffect(() => {
    void reloadPathogens();
  }, [reloadPathogens]);

  return (
    <div className="page page-analysis">
      <header className="page-header">
        <h1>Pathogens</h1>
        <p className="muted">
          The references sequences are aligned to: shipped with VariantDesk or added here. An added
          pathogen is used like a shipped one for import, QC, variants, classification, training and
          the Tree page. Only added pathogens that nothing uses can be removed.
        </p>
      </header>
      <LoadError what="the pathogens" error={pathogensError} />
      {removalError && (
        <p className="error-text" role="alert">
          Could not remove the pathogen: {removalError}
        </p>
      )}
      <PathogenTable pathogens={pathogens} />
      <section className="stack-tight" aria-label="Add pathogen">
        <h2>Add pathogen</h2>
        <p className="muted small">
          A reference FASTA (one nucleotide record) and its GFF3 annotation; optionally the
          reference tree (Auspice v2 JSON) and labeled tips (labeled.tsv: name, clade, pango,
          n_mutations, mutations). Every file is checked against the reference; the QC starts from a
          default set you can tune in the pathogen&apos;s pathogen.json.
        </p>
        <AddPathogenForm />
      </section>
    </div>
  );
}
