import { useId } from 'react';

interface SelectFieldProps<T extends string> {
  label: string;
  value: T | '';
  onChange: (value: T) => void;
  options: readonly (readonly [T, string])[];
  /** A first option with an empty value: a prompt ("choose…") or "all" for a filter. */
  empty?: { label: string; selectable: boolean };
  required?: boolean;
  disabled?: boolean;
  autoFocus?: boolean;
  /** What is wrong with the choice, announced with the field (as Field does). */
  error?: string | null;
}

/** A labelled select: the one way the app asks to choose from a list. */
export function SelectField<T extends string>({
  label,
  value,
  onChange,
  options,
  empty,
  required,
  disabled,
  autoFocus,
  error,
}: SelectFieldProps<T>) {
  const id = useId();
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value as T)}
        required={required}
        disabled={disabled}
        autoFocus={autoFocus}
        aria-invalid={error ? true : undefined}
        aria-describedby={errorId}
      >
        {empty && (
          <option value="" disabled={!empty.selectable}>
            {empty.label}
          </option>
        )}
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
      {error && (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}
