import { useId, type ReactNode } from 'react';
import { t } from '../i18n';
import type { FormState } from './use-form';

/** A non-modal message box (never `alert()`): errors, a stale version with "Tải lại", notices. */
export function Banner(props: {
  kind?: 'error' | 'info' | 'success';
  messages: string[];
  onReload?: () => void;
  title?: string;
}) {
  const { kind = 'error', messages, onReload } = props;
  if (!messages.length) return null;
  return (
    <div
      className={`banner banner-${kind}`}
      role={kind === 'error' ? 'alert' : 'status'}
      tabIndex={-1}
      data-form-banner
    >
      {props.title ?? (kind === 'error' ? <strong>{t().common.errors.title}</strong> : null)}
      {messages.length === 1 ? (
        <p className="banner-text">{messages[0]}</p>
      ) : (
        <ul>
          {messages.map((m, i) => (
            <li key={i}>{m}</li>
          ))}
        </ul>
      )}
      {onReload && (
        <button type="button" className="button" onClick={onReload}>
          {t().common.reload}
        </button>
      )}
    </div>
  );
}

/** A <form> that submits through the form state and shows its banner above the fields. */
export function Form<T>(props: {
  form: FormState<T>;
  onSubmit: (values: T) => Promise<unknown>;
  onReload?: () => void;
  submitLabel?: string;
  children: ReactNode;
  className?: string;
  extraActions?: ReactNode;
}) {
  const { form } = props;
  return (
    <form
      className={props.className ?? 'form'}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit(props.onSubmit);
      }}
    >
      <Banner messages={form.banner} onReload={form.stale ? props.onReload : undefined} />
      {props.children}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={form.submitting}>
          {form.submitting ? t().common.saving : (props.submitLabel ?? t().common.save)}
        </button>
        {props.extraActions}
      </div>
    </form>
  );
}

interface FieldProps<T> {
  form: FormState<T>;
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
  className?: string;
}

function useFieldIds<T>(p: FieldProps<T>) {
  p.form.register(p.name);
  const id = useId();
  const errors = p.form.fieldErrors[p.name] ?? [];
  const described = [p.hint && `${id}-hint`, errors.length && `${id}-err`]
    .filter(Boolean)
    .join(' ');
  return { id, errors, described: described || undefined };
}

function FieldShell<T>(p: FieldProps<T> & { id: string; errors: string[]; children: ReactNode }) {
  return (
    <div className={`field ${p.errors.length ? 'field-invalid' : ''} ${p.className ?? ''}`}>
      <label htmlFor={p.id}>
        {p.label}
        {p.required && (
          <span className="req" aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </label>
      {p.children}
      {p.hint && (
        <p className="hint" id={`${p.id}-hint`}>
          {p.hint}
        </p>
      )}
      {p.errors.length > 0 && (
        <p className="field-error" id={`${p.id}-err`}>
          {p.errors.join('; ')}
        </p>
      )}
    </div>
  );
}

export function TextField<T>(
  p: FieldProps<T> & {
    type?: 'text' | 'email' | 'password' | 'date' | 'datetime-local';
    autoComplete?: string;
    inputMode?: 'decimal' | 'numeric' | 'text';
    placeholder?: string;
  },
) {
  const { id, errors, described } = useFieldIds(p);
  const value = p.form.get(p.name);
  return (
    <FieldShell {...p} id={id} errors={errors}>
      <input
        id={id}
        data-field={p.name}
        name={p.name}
        type={p.type ?? 'text'}
        inputMode={p.inputMode}
        autoComplete={p.autoComplete}
        placeholder={p.placeholder}
        required={p.required}
        aria-invalid={errors.length > 0 || undefined}
        aria-describedby={described}
        value={value === undefined || value === null ? '' : String(value)}
        onChange={(e) => p.form.set(p.name, e.target.value)}
      />
    </FieldShell>
  );
}

/** A number typed the Vietnamese way ("1.000.000", "0,5"); the text is kept as typed. */
export function NumberField<T>(p: FieldProps<T> & { unit?: string }) {
  return <TextField {...p} inputMode="decimal" hint={p.hint ?? p.unit} />;
}

export function TextArea<T>(p: FieldProps<T> & { rows?: number }) {
  const { id, errors, described } = useFieldIds(p);
  const value = p.form.get(p.name);
  return (
    <FieldShell {...p} id={id} errors={errors}>
      <textarea
        id={id}
        data-field={p.name}
        name={p.name}
        rows={p.rows ?? 4}
        required={p.required}
        aria-invalid={errors.length > 0 || undefined}
        aria-describedby={described}
        value={value === undefined || value === null ? '' : String(value)}
        onChange={(e) => p.form.set(p.name, e.target.value)}
      />
    </FieldShell>
  );
}

export function SelectField<T>(
  p: FieldProps<T> & { options: Array<{ value: string; label: string }>; emptyLabel?: string },
) {
  const { id, errors, described } = useFieldIds(p);
  const value = p.form.get(p.name);
  return (
    <FieldShell {...p} id={id} errors={errors}>
      <select
        id={id}
        data-field={p.name}
        name={p.name}
        required={p.required}
        aria-invalid={errors.length > 0 || undefined}
        aria-describedby={described}
        value={value === undefined || value === null ? '' : String(value)}
        onChange={(e) => p.form.set(p.name, e.target.value)}
      >
        {p.emptyLabel !== undefined && <option value="">{p.emptyLabel}</option>}
        {p.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function CheckboxField<T>(p: FieldProps<T>) {
  const { id, errors, described } = useFieldIds(p);
  return (
    <div className={`field field-check ${errors.length ? 'field-invalid' : ''}`}>
      <input
        id={id}
        type="checkbox"
        data-field={p.name}
        name={p.name}
        aria-invalid={errors.length > 0 || undefined}
        aria-describedby={described}
        checked={Boolean(p.form.get(p.name))}
        onChange={(e) => p.form.set(p.name, e.target.checked)}
      />
      <label htmlFor={id}>{p.label}</label>
      {errors.length > 0 && (
        <p className="field-error" id={`${id}-err`}>
          {errors.join('; ')}
        </p>
      )}
    </div>
  );
}
