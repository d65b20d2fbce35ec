import { useState } from 'react';
import { classifyFiles, datasetNameFromFile } from './files';

/** The same file dropped twice is added once. */
export const fileKey = (file: File) => `${file.name}:${file.size}:${file.lastModified}`;

/**
 * The files picked for an import and the dataset name: the name follows the first sequence
 * file until it is typed; the picked File objects live here, not in a store.
 */
export function useImportFiles() {
  const [sequences, setSequences] = useState<File[]>([]);
  const [metadata, setMetadata] = useState<File | null>(null);
  const [name, setName] = useState('');
  const [nameEdited, setNameEdited] = useState(false);
  const [note, setNote] = useState<string | null>(null);

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

  const typeName = (typed: string) => {
    setName(typed);
    setNameEdited(true);
  };

  return { sequences, metadata, name, note, addFiles, removeSequence, setMetadata, typeName };
}
