import { useFileDrop } from '../../hooks/useFileDrop';
import { FilePickButton } from '../../ui/FilePickButton';

interface DropZoneProps {
  onFiles(files: File[]): void;
  disabled?: boolean;
}

/** Where files are dropped or picked; the picker is a real button over a hidden input. */
export function DropZone({ onFiles, disabled }: DropZoneProps) {
  const { isOver, handlers } = useFileDrop(onFiles, disabled);

  return (
    <section className={`dropzone${isOver ? ' is-over' : ''}`} aria-label="Drop zone" {...handlers}>
      <svg className="dropzone-icon" viewBox="0 0 24 24" aria-hidden="true">
        <path d="M12 16V4m0 0-4 4m4-4 4 4M4 16v3a1 1 0 0 0 1 1h14a1 1 0 0 0 1-1v-3" />
      </svg>
      <p className="dropzone-title">
        Drop FASTA/FASTQ files (plain or .gz) and an optional metadata CSV/TSV
      </p>
      <p className="muted">or</p>
      <FilePickButton inputLabel="Sequence files" multiple disabled={disabled} onFiles={onFiles}>
        Choose files…
      </FilePickButton>
    </section>
  );
}
