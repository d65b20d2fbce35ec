import { useState, type FormEvent } from 'react';
import { Field } from '../../ui/Field';
import { FilePickButton } from '../../ui/FilePickButton';
import { Notice } from '../../ui/Notice';
import { usePathogensStore, type PathogenFileRole, type PathogenFiles } from './pathogens.store';

const FILE_INPUTS: { role: PathogenFileRole; label: string; accept: string; optional: boolean }[] =
  [
    {
      role: 'reference',
      label: 'Reference FASTA',
      accept: '.fasta,.fa,.fna,.txt',
      optional: false,
    },
    { role: 'annotation', label: 'Annotation GFF3', accept: '.gff3,.gff,.txt', optional: false },
    { role: 'tree', label: 'Reference tree (Auspice v2 JSON)', accept: '.json', optional: true },
    { role: 'labeled', label: 'Labeled tips (labeled.tsv)', accept: '.tsv,.txt', optional: true },
  ];

const NO_FILES: PathogenFiles = { reference: null, annotation: null, tree: null, labeled: null };

interface FileInputProps {
  label: string;
  accept: string;
  optional: boolean;
  file: File | null;
  disabled: boolean;
  onFile(file: File | null): void;
}

/** One file of the pathogen: pick it, see its name, clear an optional one. */
function FileInput({ label, accept, optional, file, disabled, onFile }: FileInputProps) {
  return (
    <div className="row">
      <FilePickButton
        inputLabel={label}
        accept={accept}
        disabled={disabled}
        className="button button-small"
        onFiles={([picked]) => onFile(picked ?? null)}
      >
        {label}…
      </FilePickButton>
      <span className={file ? 'small' : 'muted small'}>
        {file ? file.name : optional ? 'optional' : 'required'}
      </span>
      {file && optional && (
        <button
          type="button"
          className="button button-small button-quiet"
          onClick={() => onFile(null)}
        >
          Clear
        </button>
      )}
    </div>
  );
}

/** Where the last addition stands: staging, validating, refused with its reason, or added. */
function AdditionStatus() {
  const addition = usePathogensStore((state) => state.addition);
  const dismiss = usePathogensStore((state) => state.dismissAddition);
  if (!addition) return null;
  const dismissButton = (
    <button type="button" className="button button-small notice-action" onClick={dismiss}>
      Dismiss
    </button>
  );
  if (addition.phase === 'refused')
    return (
      <Notice tone="error" title="Pathogen refused">
        <p>{addition.error}</p>
        {dismissButton}
      </Notice>
    );
  if (addition.phase !== 'done')
    return (
      <p className="muted" role="status">
        {addition.phase === 'staging'
          ? 'Reading the files…'
          : 'Checking the files against the reference…'}
      </p>
    );
  return (
    <Notice tone="success" title={`Added ${addition.pathogen.name}`}>
      <p className="small">
        {addition.pathogen.id}: {addition.pathogen.genomeLength} nt,{' '}
        {addition.pathogen.genes.length} gene(s)
        {addition.pathogen.hasTree ? ', with its reference tree' : ''}. Choose it wherever a
        pathogen is chosen (QC, Classify, Tree).
      </p>
      {dismissButton}
    </Notice>
  );
}

/** The id, name and files of a new pathogen; the core checks them and says what is wrong. */
export function AddPathogenForm() {
  const [id, setId] = useState('');
  const [name, setName] = useState('');
  const [files, setFiles] = useState<PathogenFiles>(NO_FILES);
  const add = usePathogensStore((state) => state.add);
  const phase = usePathogensStore((state) => state.addition?.phase);
  const busy = phase === 'staging' || phase === 'validating';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy) void add(id.trim(), name, files);
  };
  return (
    <form className="stack-tight" aria-label="Add a pathogen" onSubmit={submit}>
      <div className="row">
        <Field label="Id">
          {(inputId) => (
            <input
              id={inputId}
              type="text"
              className="input"
              value={id}
              placeholder="e.g. flu-h1-ha"
              onChange={(e) => setId(e.target.value)}
            />
          )}
        </Field>
        <Field label="Name" className="field-wide">
          {(inputId) => (
            <input
              id={inputId}
              type="text"
              className="input"
              value={name}
              placeholder="e.g. Influenza A/H1N1 HA"
              onChange={(e) => setName(e.target.value)}
            />
          )}
        </Field>
      </div>
      {FILE_INPUTS.map(({ role, ...input }) => (
        <FileInput
          key={role}
          {...input}
          file={files[role]}
          disabled={busy}
          onFile={(file) => setFiles((current) => ({ ...current, [role]: file }))}
        />
      ))}
      <div className="row">
        <button type="submit" className="button button-primary" disabled={busy}>
          Add pathogen
        </button>
      </div>
      <AdditionStatus />
    </form>
  );
}
