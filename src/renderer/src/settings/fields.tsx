import { useId, type ReactNode } from 'react'
import { UNIT_SECONDS, type Duration, type Unit } from '../../../shared/setting-checks'

interface FieldProps {
  label: string
  hint?: ReactNode
  error: string | undefined
  testId: string
  children(ids: { input: string; describedBy: string | undefined }): ReactNode
}

/** A label, the control, and the hint or the error right under it, tied together for screen readers. */
export function Field({ label, hint, error, testId, children }: FieldProps) {
  const input = useId()
  const hintId = useId()
  const errorId = useId()
  const describedBy = [error !== undefined ? errorId : null, hint !== undefined ? hintId : null]
    .filter(Boolean)
    .join(' ')
  return (
    <div
      className={`setting-field${error !== undefined ? ' setting-field-invalid' : ''}`}
      data-testid={`field-${testId}`}
    >
      <label htmlFor={input}>{label}</label>
      {children({ input, describedBy: describedBy || undefined })}
      {error !== undefined && (
        <p className="setting-error" id={errorId} role="alert" data-testid={`error-${testId}`}>
          {error}
        </p>
      )}
      {hint !== undefined && (
        <p className="setting-hint" id={hintId}>
          {hint}
        </p>
      )}
    </div>
  )
}

interface DurationProps {
  label: string
  hint: string
  value: Duration
  error: string | undefined
  testId: string
  onChange(value: Duration): void
}

/** A time to live as an amount and a unit, so "2 hours" is typed as such, not as 7200. */
export function DurationField({ value, onChange, ...field }: DurationProps) {
  return (
    <NumberGroupField
      {...field}
      mode="decimal"
      value={value.amount}
      onChange={(amount) => onChange({ ...value, amount })}
    >
      <select
        aria-label={`${field.label} unit`}
        data-testid={`unit-${field.testId}`}
        value={value.unit}
        onChange={(event) => onChange({ ...value, unit: event.target.value as Unit })}
      >
        {(Object.keys(UNIT_SECONDS) as Unit[]).map((unit) => (
          <option key={unit} value={unit}>
            {unit}
          </option>
        ))}
      </select>
    </NumberGroupField>
  )
}

interface NumberProps {
  label: string
  hint: string
  unit: string
  value: string
  error: string | undefined
  testId: string
  onChange(value: string): void
}

export function NumberField({ unit, ...field }: NumberProps) {
  return (
    <NumberGroupField {...field} mode="numeric">
      {unit !== '' && <span className="input-unit">{unit}</span>}
    </NumberGroupField>
  )
}

interface NumberGroupProps {
  label: string
  hint: string
  error: string | undefined
  testId: string
  mode: 'decimal' | 'numeric'
  value: string
  onChange(value: string): void
  /** What follows the number on its line: its unit, as text or as a choice. */
  children: ReactNode
}

/** The field both number fields are: a number and its unit on one line. */
function NumberGroupField({ label, hint, error, testId, mode, value, onChange, children }: NumberGroupProps) {
  return (
    <Field label={label} hint={hint} error={error} testId={testId}>
      {({ input, describedBy }) => (
        <div className="input-group">
          <NumberInput
            id={input}
            testId={testId}
            mode={mode}
            invalid={error !== undefined}
            describedBy={describedBy}
            value={value}
            onChange={onChange}
          />
          {children}
        </div>
      )}
    </Field>
  )
}

interface ToggleProps {
  label: string
  hint: string
  checked: boolean
  testId: string
  onChange(checked: boolean): void
}

export function ToggleField({ label, hint, checked, testId, onChange }: ToggleProps) {
  const input = useId()
  const hintId = useId()
  return (
    <div className="setting-field setting-toggle">
      <input
        id={input}
        type="checkbox"
        data-testid={`input-${testId}`}
        aria-describedby={hintId}
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
      />
      <div>
        <label htmlFor={input}>{label}</label>
        <p className="setting-hint" id={hintId}>
          {hint}
        </p>
      </div>
    </div>
  )
}

interface NumberInputProps {
  id: string
  testId: string
  mode: 'decimal' | 'numeric'
  invalid: boolean
  describedBy: string | undefined
  value: string
  onChange(value: string): void
}

/** The text box both number fields share; kept as text so a half-typed value is not lost. */
function NumberInput({ id, testId, mode, invalid, describedBy, value, onChange }: NumberInputProps) {
  return (
    <input
      id={id}
      data-testid={`input-${testId}`}
      inputMode={mode}
      className="input-number"
      aria-invalid={invalid}
      aria-describedby={describedBy}
      value={value}
      onChange={(event) => onChange(event.target.value)}
    />
  )
}
