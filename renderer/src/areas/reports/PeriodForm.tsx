import { useState, type FormEvent } from 'react';
import { Field } from '../../components/Field';

/**
 * The dates a report is run for, applied on submit (not on every keystroke, which would re-run the
 * report for half-typed dates). Give it a `key` that changes when the period is set from outside.
 */
export function PeriodForm<K extends string>({
  fields,
  value,
  submitLabel,
  onSubmit,
}: {
  fields: readonly { key: K; label: string }[];
  value: Record<K, string>;
  submitLabel: string;
  onSubmit: (period: Record<K, string>) => void;
}) {
  const [draft, setDraft] = useState(value);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit(draft);
  };
  return (
    <form className="inline-form no-print" onSubmit={submit}>
      {fields.map((f) => (
        <Field
          key={f.key}
          label={f.label}
          type="date"
          required
          value={draft[f.key]}
          onChange={(e) => setDraft({ ...draft, [f.key]: e.target.value })}
        />
      ))}
      <button type="submit" className="primary">
        {submitLabel}
      </button>
    </form>
  );
}
