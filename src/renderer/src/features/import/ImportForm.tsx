import { useId, useRef, useState } from 'react';
import { classifyFiles, datasetNameFromFile } from './files';
import { formatBytes } from '../../lib/format';
import { useImportStore } from './import.store';
import { DropZone } from './DropZone';
import { Notice } from '../../ui/Notice';

/** The same file dropped twice is added once. */
const fileKey = (file: File) => `${file.name}:${file.size}:${file.lastModified}`;

/** Picks the files and the dataset name; the picked File objects live here, not in a store. */
export function ImportForm() {
  const start = useImportStore((state) => state.start);
  const [sequences, setSequences] = useState<File[]>([]);
  const [metadata, setMetadata] = useState<File | null>(null);
  const [name, setName] = useState('');
  const [nameEdited, setNameEdited] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const metadataInput = useRef<HTMLInputElement>(null);
  const nameId = useId();

  const addFiles = (files: File[]) => {
    const classified = classifyFiles(files);
    const known = new Set(sequences.map(fileKey));
    const added = classified.sequences.filter((file) => !known.has(fileKey(file)));
    const next = [...sequences, ...added];
    setSequences(next);
    const firstMetadata = classified.metadata[0];
    if (firstMetadata) setMetadata(firstMetadata);
    setNote(
      classified.metadata.length > 1
        ? `Only one metadata table is joined; using ${firstMetadata?.name ?? ''}.`
        : null,
    );
    if (!nameEdited && next[0]) setName(datasetNameFromFile(next[0].name));
  };

  const removeSequence = (file: File) => {
    const next = sequences.filter((candidate) => candidate !== file);
    setSequences(next);
    if (!nameEdited) setName(next[0] ? datasetNameFromFile(next[0].name) : '');
  };

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
        <div className="field">
          <span className="field-label">Sequence files</span>
          {sequences.length === 0 ? (
            <p className="muted">No sequence files chosen yet.</p>
          ) : (
            <ul className="file-list" aria-label="Chosen sequence files">
              {sequences.map((file) => (
                <li key={fileKey(file)} className="file-item">
                  <span className="file-name">{file.name}</span>
                  <span className="muted">{formatBytes(file.size)}</span>
                  <button
                    type="button"
                    className="button button-quiet"
                    aria-label={`Remove ${file.name}`}
                    onClick={() => removeSequence(file)}
                  >
                    Remove
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>

        <div className="field">
          <span className="field-label" id={`${nameId}-metadata`}>
            Metadata (optional)
          </span>
          <div className="row" aria-labelledby={`${nameId}-metadata`} role="group">
            {metadata ? (
              <>
                <span className="file-name">{metadata.name}</span>
                <span className="muted">{formatBytes(metadata.size)}</span>
                <button
                  type="button"
                  className="button button-quiet"
                  aria-label={`Remove ${metadata.name}`}
                  onClick={() => setMetadata(null)}
                >
                  Remove
                </button>
              </>
            ) : (
              <span className="muted">CSV or TSV with one row per sequence id</span>
            )}
            <button type="button" className="button" onClick={() => metadataInput.current?.click()}>
              Choose metadata…
            </button>
            <input
              ref={metadataInput}
              type="file"
              accept=".csv,.tsv,.txt"
              hidden
              aria-label="Metadata file"
              onChange={(event) => {
                const file = event.target.files?.[0];
                event.target.value = '';
                if (file) setMetadata(file);
              }}
            />
          </div>
        </div>

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
            onChange={(event) => {
              setName(event.target.value);
              setNameEdited(true);
            }}
          />
        </div>

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
