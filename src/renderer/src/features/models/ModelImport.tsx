import type { ImportModelResult } from '../../../../shared/classify-types';
import { useFileDrop } from '../../hooks/useFileDrop';
import { FilePickButton } from '../../ui/FilePickButton';
import { Notice } from '../../ui/Notice';
import { isProduction, modelName } from '../classify/classify-labels';
import { useModelsStore } from './models.store';

function DismissButton({ onDismiss }: { onDismiss(): void }) {
  return (
    <button type="button" className="button button-small notice-action" onClick={onDismiss}>
      Dismiss
    </button>
  );
}

interface RegisteredNoticeProps {
  fileName: string;
  result: ImportModelResult;
  onDismiss(): void;
}

/** The bundle is registered now, or was already. */
function RegisteredNotice({ fileName, result, onDismiss }: RegisteredNoticeProps) {
  return (
    <Notice
      tone={result.alreadyRegistered ? 'info' : 'success'}
      title={
        result.alreadyRegistered
          ? `${modelName(result.model)} is already registered`
          : `Registered ${modelName(result.model)}`
      }
    >
      <p className="small">
        {result.alreadyRegistered
          ? `${fileName} holds the same bundle, byte for byte: nothing was added.`
          : `Verified and registered from ${fileName}. ${
              isProduction(result.model)
                ? 'It is now the production version of its pathogen.'
                : 'Choose it in the Model list of Classify to use it.'
            }`}
      </p>
      <DismissButton onDismiss={onDismiss} />
    </Notice>
  );
}

/** Where the last bundle import stands: reading, verifying, refused or registered. */
function ModelImportStatus() {
  const bundleImport = useModelsStore((state) => state.bundleImport);
  const dismissImport = useModelsStore((state) => state.dismissImport);
  if (!bundleImport) return null;
  if (bundleImport.phase === 'done') {
    return (
      <RegisteredNotice
        fileName={bundleImport.fileName}
        result={bundleImport.result}
        onDismiss={dismissImport}
      />
    );
  }
  if (bundleImport.phase === 'refused') {
    return (
      <Notice tone="error" title={`Bundle refused: ${bundleImport.fileName}`}>
        <p>{bundleImport.error}</p>
        <DismissButton onDismiss={dismissImport} />
      </Notice>
    );
  }
  return (
    <p className="muted" role="status">
      {bundleImport.phase === 'uploading' ? 'Reading' : 'Verifying'} {bundleImport.fileName}…
    </p>
  );
}

/**
 * Imports a model bundle (.zip), picked or dropped: it is staged where the core can read
 * it, verified, and registered, or refused with the core's reason.
 */
export function ModelImport() {
  const bundleImport = useModelsStore((state) => state.bundleImport);
  const importBundle = useModelsStore((state) => state.importBundle);
  const busy = bundleImport?.phase === 'uploading' || bundleImport?.phase === 'verifying';

  const start = (files: File[]) => {
    const [file] = files;
    if (file && !busy) void importBundle(file);
  };
  const { isOver, handlers } = useFileDrop(start, busy);

  return (
    <div className="stack-tight">
      <section
        className={`model-import${isOver ? ' is-over' : ''}`}
        aria-label="Import a model bundle"
        {...handlers}
      >
        <FilePickButton
          inputLabel="Model bundle"
          accept=".zip,application/zip"
          disabled={busy}
          onFiles={start}
        >
          Import bundle…
        </FilePickButton>
        <span className="muted small">or drop a model bundle (.zip) here</span>
      </section>
      <ModelImportStatus />
    </div>
  );
}
