import { useRef, type ReactNode } from 'react';

interface FilePickButtonProps {
  /** The hidden input's accessible name, e.g. "Sequence files". */
  inputLabel: string;
  accept?: string;
  multiple?: boolean;
  disabled?: boolean;
  /** `button` unless told. */
  className?: string;
  /** Gets the files picked; a picker closed without a choice calls nothing. */
  onFiles(files: File[]): void;
  children: ReactNode;
}

/** A real button that opens the file picker of a hidden input; the same file can be picked again. */
export function FilePickButton({
  inputLabel,
  accept,
  multiple,
  disabled,
  className = 'button',
  onFiles,
  children,
}: FilePickButtonProps) {
  const inputRef = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        type="button"
        className={className}
        disabled={disabled}
        onClick={() => inputRef.current?.click()}
      >
        {children}
      </button>
      <input
        ref={inputRef}
        type="file"
        accept={accept}
        multiple={multiple}
        hidden
        aria-label={inputLabel}
        onChange={(event) => {
          const files = Array.from(event.target.files ?? []);
          event.target.value = '';
          if (files.length > 0) onFiles(files);
        }}
      />
    </>
  );
}
