import { unassignedReasons } from '../../../../shared/classify-types';
import { FilterForm, NumberFilterFields, SearchField } from '../../ui/FilterForm';
import { SelectField } from '../../ui/SelectField';
import { verdictFilters, verdictLabels } from '../qc/verdicts';
import { reasonLabels } from './classify-labels';
import {
  emptyPredictionFilter,
  usePredictionsStore,
  type PredictionFilterDraft,
} from './predictions.store';

const confidenceFields = [
  { key: 'minConfidencePercent', label: 'Confidence min %', placeholder: '0' },
  { key: 'maxConfidencePercent', label: 'Confidence max %', placeholder: '100' },
] as const;

type SetFilterField = ReturnType<typeof usePredictionsStore.getState>['setFilterField'];

interface DraftFieldsProps {
  draft: PredictionFilterDraft;
  setFilterField: SetFilterField;
}

/** Label, status and reason: what the model said. */
function CallFields({ draft, setFilterField, labels }: DraftFieldsProps & { labels: string[] }) {
  return (
    <>
      <SelectField
        label="Label"
        value={draft.label}
        title="With status unassigned: the most probable label"
        onChange={(value) => setFilterField('label', value)}
      >
        <option value="">All labels</option>
        {labels.map((label) => (
          <option key={label} value={label}>
            {label}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Status"
        value={draft.status}
        onChange={(value) => setFilterField('status', value as PredictionFilterDraft['status'])}
      >
        <option value="">Any status</option>
        <option value="assigned">Assigned</option>
        <option value="unassigned">Unassigned</option>
      </SelectField>
      <SelectField
        label="Reason"
        value={draft.reason}
        onChange={(value) => setFilterField('reason', value as PredictionFilterDraft['reason'])}
      >
        <option value="">Any reason</option>
        {unassignedReasons.map((reason) => (
          <option key={reason} value={reason}>
            {reasonLabels[reason]}
          </option>
        ))}
      </SelectField>
    </>
  );
}

/** Confidence range, QC verdict, id and the recombinant flag: which sequences. */
function SequenceFields({ draft, setFilterField }: DraftFieldsProps) {
  return (
    <>
      <NumberFilterFields
        fields={confidenceFields}
        max={100}
        values={draft}
        onChange={setFilterField}
      />
      <SelectField
        label="QC verdict"
        value={draft.qcVerdict}
        onChange={(value) =>
          setFilterField('qcVerdict', value as PredictionFilterDraft['qcVerdict'])
        }
      >
        <option value="">Any verdict</option>
        {verdictFilters.map((verdict) => (
          <option key={verdict} value={verdict}>
            {verdictLabels[verdict]}
          </option>
        ))}
      </SelectField>
      <SearchField
        label="Id contains"
        placeholder="e.g. England"
        value={draft.idContains}
        onChange={(value) => setFilterField('idContains', value)}
      />
      <label className="checkbox-field">
        <input
          type="checkbox"
          checked={draft.recombinantOnly}
          onChange={(event) => setFilterField('recombinantOnly', event.target.checked)}
        />
        Recombinant only
      </label>
    </>
  );
}

/** The predictions table's filter as typed; the page debounces it before asking the server. */
export function PredictionFilters({ labels }: { labels: string[] }) {
  const draft = usePredictionsStore((state) => state.filterDraft);
  const setFilterField = usePredictionsStore((state) => state.setFilterField);
  const clearFilter = usePredictionsStore((state) => state.clearFilter);
  const active = JSON.stringify(draft) !== JSON.stringify(emptyPredictionFilter);

  return (
    <FilterForm label="Filter predictions" active={active} onClear={clearFilter}>
      <CallFields draft={draft} setFilterField={setFilterField} labels={labels} />
      <SequenceFields draft={draft} setFilterField={setFilterField} />
    </FilterForm>
  );
}
