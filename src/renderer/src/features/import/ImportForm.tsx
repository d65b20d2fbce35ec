import { useId } from 'react';
import { formatBytes } from '../../lib/format';
import { FilePickButton } from '../../ui/FilePickButton';
import { Notice } from '../../ui/Notice';
import { DropZone } from './DropZone';
import { useImportStore } from './import.store';
import { fileKey, useImportFiles } from './useImportFiles';

function SequenceFileList({ files, onRemove }: { files: File[]; onRemove(file: File): void }) {
  return (
    <div className="field">
      <span className="field-label">Sequence files</span>
      {files.length === 0 ? (
        <p className="muted">No sequence files chosen yet.</p>
      ) : (
        <ul className="file-list" aria-label="Chosen sequence files">
          {files.map((file) => (
            <li key={fileKey(file)} className="file-item">
              <span className="file-name">{file.name}</span>
              <span className="muted">{formatBytes(file.size)}</span>
              <button
                type="button"
                className="button button-quiet"
                aria-label={`Remove ${file.name}`}
                onClick={() => onRemove(file)}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

interface MetadataPickerProps {
  metadata: File | null;
  onChoose(file: File | null): void;
}

/** The optional metadata table: the one chosen (or dropped), or a button to choose one. */
function MetadataPicker({ metadata, onChoose }: MetadataPickerProps) {
  const labelId = useId();
  return (
    <div className="field">
      <span className="field-label" id={labelId}>
        Metadata (optional)
      </span>
      <div className="row" aria-labelledby={labelId} role="group">
        {metadata ? (
          <>
            <span className="file-name">{metadata.name}</span>
            <span className="muted">{formatBytes(metadata.size)}</span>
            <button
              type="button"
              className="button button-quiet"
              aria-label={`Remove ${metadata.name}`}
              onClick={() => onChoose(null)}
            >
              Remove
            </button>
          </>
        ) : (
          <span className="muted">CSV or TSV with one row per sequence id</span>
        )}
        <FilePickButton
          inputLabel="Metadata file"
          accept=".csv,.tsv,.txt"
          onFiles={([file]) => onChoose(file!)}
        >
          Choose metadata…
        </FilePickButton>
      </div>
    </div>
  );
}

function DatasetNameField({ name, onType }: { name: string; onType(name: string): void }) {
  const nameId = useId();
  return (
    <div className="field">
      <label className="field-label" htmlFor={nameId}>
        Dataset name
      </label>
      <input
        id={nameId}
        className="input"
        type="text"
        maxLength={200}
        value={name}
        placeholder="Defaults to the first file name"
        onChange={(event) => onType(event.target.value)}
      />
    </div>
  );
}

/** Picks the files and the dataset name, then starts the import. */
export function ImportForm() {
  const start = useImportStore((state) => state.start);
  const { sequences, metadata, name, note, addFiles, removeSequence, setMetadata, typeName } =
    useImportFiles();
  const canImport = sequences.length > 0;

  return (
    <form
      className="stack"
      onSubmit={(event) => {
        event.preventDefault();
        if (canImport) void start({ sequences, metadata, name });
      }}
    >
      <DropZone onFiles={addFiles} />
      {note && <Notice tone="warning">{note}</Notice>}

      <div className="card stack">
        <SequenceFileList files={sequences} onRemove={removeSequence} />
        <MetadataPicker metadata={metadata} onChoose={setMetadata} />
        <DatasetNameField name={name} onType={typeName} />
        <div className="row">
          <button type="submit" className="button button-primary" disabled={!canImport}>
            Import
          </button>
          {!canImport && <span className="muted small">Add at least one sequence file.</span>}
        </div>
      </div>
    </form>
  );
}
