/** How dropped or picked files are sorted into sequence files and a metadata table. */

const METADATA_EXTENSIONS = ['.csv', '.tsv', '.txt'];
const SEQUENCE_EXTENSIONS = ['.fasta', '.fas', '.fa', '.fna', '.ffn', '.fastq', '.fq'];

export function isMetadataFile(name: string): boolean {
  const lower = name.toLowerCase();
  return METADATA_EXTENSIONS.some((extension) => lower.endsWith(extension));
}

export function classifyFiles(files: File[]): { sequences: File[]; metadata: File[] } {
  const sequences: File[] = [];
  const metadata: File[] = [];
  for (const file of files) (isMetadataFile(file.name) ? metadata : sequences).push(file);
  return { sequences, metadata };
}

/** `sequences.fasta.gz` -> `sequences`: the default dataset name. */
export function datasetNameFromFile(name: string): string {
  let base = name.replace(/\.gz$/i, '');
  const lower = base.toLowerCase();
  const extension = SEQUENCE_EXTENSIONS.find((candidate) => lower.endsWith(candidate));
  if (extension) base = base.slice(0, -extension.length);
  return base || name;
}
