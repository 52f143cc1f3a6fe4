import type { JSX } from 'preact';
import { useId } from 'preact/hooks';

type Control = 'input' | 'textarea' | 'select';

interface FieldProps {
  label: string;
  /** The API's (or the form's) message for this field, shown under it and tied to it for screen readers. */
  error?: string;
  hint?: string;
  required?: boolean;
  as?: Control;
  name: string;
  value: string;
  onValue(value: string): void;
  type?: 'text' | 'email' | 'tel' | 'search' | 'date' | 'time' | 'password';
  dir?: 'ltr' | 'rtl' | 'auto';
  autoComplete?: string;
  inputMode?: string;
  options?: { value: string; label: string }[];
}

/** A labelled form control with its hint and its error. */
export function Field(props: FieldProps) {
  const id = useId();
  const hintId = props.hint ? `${id}-hint` : undefined;
  const errorId = props.error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name: props.name,
    'aria-invalid': props.error ? ('true' as const) : undefined,
    'aria-describedby': describedBy,
    'aria-required': props.required ? ('true' as const) : undefined,
    dir: props.dir,
    onInput: (event: Event) => props.onValue((event.currentTarget as HTMLInputElement).value),
  };
  const inputAttributes = {
    ...common,
    value: props.value,
    type: props.type ?? 'text',
    autoComplete: props.autoComplete,
    inputMode: props.inputMode,
  };
  return (
    <div class={['field', props.required && 'field-required', props.error && 'field-invalid'].filter(Boolean).join(' ')}>
      <label for={id}>{props.label}</label>
      {props.as === 'textarea' ? (
        <textarea {...common} value={props.value} rows={3} />
      ) : props.as === 'select' ? (
        <select {...common} value={props.value} onChange={common.onInput}>
          {props.options?.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : (
        // Preact types <input> per `type`; this one control takes several, so its attributes are built as one object.
        <input {...(inputAttributes as JSX.IntrinsicElements['input'])} />
      )}
      {props.hint && (
        <p id={hintId} class="hint">
          {props.hint}
        </p>
      )}
      {props.error && (
        <p id={errorId} class="field-error" dir="auto">
          {props.error}
        </p>
      )}
    </div>
  );
}
