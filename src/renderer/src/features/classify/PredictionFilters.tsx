import { useId } from 'react';
import { unassignedReasons } from '../../../../shared/classify-types';
import { reasonLabels } from './classify-labels';
import { verdictFilters, verdictLabels } from '../qc/verdicts';
import {
  emptyPredictionFilter,
  usePredictionsStore,
  type PredictionFilterDraft,
} from './predictions.store';

const confidenceFields = [
  { key: 'minConfidencePercent', label: 'Confidence min %', placeholder: '0' },
  { key: 'maxConfidencePercent', label: 'Confidence max %', placeholder: '100' },
] as const;

/** The predictions table's filter as typed; the page debounces it before asking the server. */
export function PredictionFilters({ labels }: { labels: string[] }) {
  const draft = usePredictionsStore((state) => state.filterDraft);
  const setFilterField = usePredictionsStore((state) => state.setFilterField);
  const clearFilter = usePredictionsStore((state) => state.clearFilter);
  const baseId = useId();
  const active = JSON.stringify(draft) !== JSON.stringify(emptyPredictionFilter);

  return (
    <form
      className="filters"
      aria-label="Filter predictions"
      role="search"
      onSubmit={(event) => event.preventDefault()}
    >
      <div className="field field-compact">
        <label className="field-label" htmlFor={`${baseId}-label`}>
          Label
        </label>
        <select
          id={`${baseId}-label`}
          className="input"
          value={draft.label}
          title="With status unassigned: the most probable label"
          onChange={(event) => setFilterField('label', event.target.value)}
        >
          <option value="">All labels</option>
          {labels.map((label) => (
            <option key={label} value={label}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="field field-compact">
        <label className="field-label" htmlFor={`${baseId}-status`}>
          Status
        </label>
        <select
          id={`${baseId}-status`}
          className="input"
          value={draft.status}
          onChange={(event) =>
            setFilterField('status', event.target.value as PredictionFilterDraft['status'])
          }
        >
          <option value="">Any status</option>
          <option value="assigned">Assigned</option>
          <option value="unassigned">Unassigned</option>
        </select>
      </div>
      <div className="field field-compact">
        <label className="field-label" htmlFor={`${baseId}-reason`}>
          Reason
        </label>
        <select
          id={`${baseId}-reason`}
          className="input"
          value={draft.reason}
          onChange={(event) =>
            setFilterField('reason', event.target.value as PredictionFilterDraft['reason'])
          }
        >
          <option value="">Any reason</option>
          {unassignedReasons.map((reason) => (
            <option key={reason} value={reason}>
              {reasonLabels[reason]}
            </option>
          ))}
        </select>
      </div>
      {confidenceFields.map((field) => (
        <div key={field.key} className="field field-compact">
          <label className="field-label" htmlFor={`${baseId}-${field.key}`}>
            {field.label}
          </label>
          <input
            id={`${baseId}-${field.key}`}
            className="input"
            type="number"
            min={0}
            max={100}
            step="any"
            inputMode="decimal"
            placeholder={field.placeholder}
            value={draft[field.key]}
            onChange={(event) => setFilterField(field.key, event.target.value)}
          />
        </div>
      ))}
      <div className="field field-compact">
        <label className="field-label" htmlFor={`${baseId}-qc`}>
          QC verdict
        </label>
        <select
          id={`${baseId}-qc`}
          className="input"
          value={draft.qcVerdict}
          onChange={(event) =>
            setFilterField('qcVerdict', event.target.value as PredictionFilterDraft['qcVerdict'])
          }
        >
          <option value="">Any verdict</option>
          {verdictFilters.map((verdict) => (
            <option key={verdict} value={verdict}>
              {verdictLabels[verdict]}
            </option>
          ))}
        </select>
      </div>
      <div className="field field-compact field-wide">
        <label className="field-label" htmlFor={`${baseId}-id`}>
          Id contains
        </label>
        <input
          id={`${baseId}-id`}
          className="input"
          type="search"
          placeholder="e.g. England"
          value={draft.idContains}
          onChange={(event) => setFilterField('idContains', event.target.value)}
        />
      </div>
      <label className="checkbox-field">
        <input
          type="checkbox"
          checked={draft.recombinantOnly}
          onChange={(event) => setFilterField('recombinantOnly', event.target.checked)}
        />
        Recombinant only
      </label>
      <button
        type="button"
        className="button button-quiet"
        disabled={!active}
        onClick={clearFilter}
      >
        Clear filters
      </button>
    </form>
  );
}
