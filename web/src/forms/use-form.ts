import { useCallback, useRef, useState } from 'react';
import { mapErrors } from '../api/problem';
import { getPath, setPath, type FieldPath } from './paths';

export interface FormState<T> {
  values: T;
  set(path: FieldPath, value: unknown): void;
  setValues(next: T | ((v: T) => T)): void;
  get(path: FieldPath): unknown;
  fieldErrors: Record<string, string[]>;
  banner: string[];
  /** The last failure was a 409 on a stale version: show "Tải lại". */
  stale: boolean;
  submitting: boolean;
  /** Registered by each field, so API errors naming it show beside it. */
  register(path: FieldPath): void;
  /**
   * Runs the submit; on failure maps problem+json to fields and banner and keeps every value the
   * user typed. Resolves to the action's result, or undefined when it failed.
   */
  submit<R>(action: (values: T) => Promise<R>): Promise<R | undefined>;
  clearErrors(): void;
  showErrors(fields: Record<string, string[]>, banner?: string[]): void;
}

export function useForm<T>(initial: T): FormState<T> {
  const [values, setValues] = useState<T>(initial);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [banner, setBanner] = useState<string[]>([]);
  const [stale, setStale] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const fields = useRef(new Set<string>());
  const valuesRef = useRef(values);
  valuesRef.current = values;

  const set = useCallback((path: FieldPath, value: unknown) => {
    setValues((v) => setPath(v, path, value));
    setFieldErrors((e) => {
      if (!e[path]) return e;
      const { [path]: _gone, ...rest } = e;
      return rest;
    });
  }, []);

  const clearErrors = useCallback(() => {
    setFieldErrors({});
    setBanner([]);
    setStale(false);
  }, []);

  const submit = useCallback(
    async <R>(action: (values: T) => Promise<R>) => {
      setSubmitting(true);
      clearErrors();
      try {
        return await action(valuesRef.current);
      } catch (err) {
        const mapped = mapErrors(err, fields.current);
        setFieldErrors(mapped.fields);
        setBanner(mapped.banner);
        setStale(mapped.stale);
        // Move focus to the first field in error (or the banner) for keyboard and screen readers.
        queueMicrotask(() => {
          const first = Object.keys(mapped.fields)[0];
          const el = first
            ? document.querySelector<HTMLElement>(`[data-field="${CSS.escape(first)}"]`)
            : document.querySelector<HTMLElement>('[data-form-banner]');
          el?.focus();
        });
        return undefined;
      } finally {
        setSubmitting(false);
      }
    },
    [clearErrors],
  );

  return {
    values,
    set,
    setValues,
    get: (path) => getPath(values, path),
    fieldErrors,
    banner,
    stale,
    submitting,
    register: (path) => void fields.current.add(path),
    submit,
    clearErrors,
    showErrors: (f, b = []) => {
      setFieldErrors(f);
      setBanner(b);
    },
  };
}
