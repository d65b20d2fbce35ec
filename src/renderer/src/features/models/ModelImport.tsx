import { useRef, useState, type DragEvent } from 'react';
import { isProduction, modelName } from '../classify/classify-labels';
import { useModelsStore } from './models.store';
import { Notice } from '../../ui/Notice';

/**
 * Imports a model bundle (.zip), picked or dropped: it is staged where the core can read
 * it, verified, and registered, or refused with the core's reason.
 */
export function ModelImport() {
  const inputRef = useRef<HTMLInputElement>(null);
  const [isOver, setIsOver] = useState(false);
  const bundleImport = useModelsStore((state) => state.bundleImport);
  const importBundle = useModelsStore((state) => state.importBundle);
  const dismissImport = useModelsStore((state) => state.dismissImport);
  const busy = bundleImport?.phase === 'uploading' || bundleImport?.phase === 'verifying';

  const start = (files: File[]) => {
    const [file] = files;
    if (file && !busy) void importBundle(file);
  };
  const onDragOver = (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    event.dataTransfer.dropEffect = busy ? 'none' : 'copy';
    setIsOver(true);
  };
  const onDragLeave = (event: DragEvent<HTMLElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setIsOver(false);
  };
  const onDrop = (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    setIsOver(false);
    start(Array.from(event.dataTransfer.files));
  };

  return (
    <div className="stack-tight">
      <section
        className={`model-import${isOver ? ' is-over' : ''}`}
        aria-label="Import a model bundle"
        onDragEnter={onDragOver}
        onDragOver={onDragOver}
        onDragLeave={onDragLeave}
        onDrop={onDrop}
      >
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => inputRef.current?.click()}
        >
          Import bundle…
        </button>
        <span className="muted small">or drop a model bundle (.zip) here</span>
        <input
          ref={inputRef}
          type="file"
          accept=".zip,application/zip"
          hidden
          aria-label="Model bundle"
          onChange={(event) => {
            const files = Array.from(event.target.files ?? []);
            event.target.value = '';
            start(files);
          }}
        />
      </section>
      {bundleImport && busy && (
        <p className="muted" role="status">
          {bundleImport.phase === 'uploading' ? 'Reading' : 'Verifying'} {bundleImport.fileName}…
        </p>
      )}
      {bundleImport?.phase === 'refused' && (
        <Notice tone="error" title={`Bundle refused: ${bundleImport.fileName}`}>
          <p>{bundleImport.error}</p>
          <button
            type="button"
            className="button button-small notice-action"
            onClick={dismissImport}
          >
            Dismiss
          </button>
        </Notice>
      )}
      {bundleImport?.phase === 'done' && (
        <Notice
          tone={bundleImport.result.alreadyRegistered ? 'info' : 'success'}
          title={
            bundleImport.result.alreadyRegistered
              ? `${modelName(bundleImport.result.model)} is already registered`
              : `Registered ${modelName(bundleImport.result.model)}`
          }
        >
          <p className="small">
            {bundleImport.result.alreadyRegistered
              ? `${bundleImport.fileName} holds the same bundle, byte for byte: nothing was added.`
              : `Verified and registered from ${bundleImport.fileName}. ${
                  isProduction(bundleImport.result.model)
                    ? 'It is now the production version of its pathogen.'
                    : 'Choose it in the Model list of Classify to use it.'
                }`}
          </p>
          <button
            type="button"
            className="button button-small notice-action"
            onClick={dismissImport}
          >
            Dismiss
          </button>
        </Notice>
      )}
    </div>
  );
}
