import { t } from '../i18n';

/** An RFC 9457 problem as the API sends it. */
export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  errors?: Array<{ field: string; message: string }>;
  [extra: string]: unknown;
}

/** Any failed API call: the status, the problem body (or one made up for a network error). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
  }

  /** A 409 caused by a stale `If-Match` version (as opposed to a state conflict). */
  get isStaleVersion(): boolean {
    if (this.status !== 409) return false;
    const text = `${this.problem.type ?? ''} ${this.problem.detail ?? ''}`.toLowerCase();
    return /version|stale|if-match|modified/.test(text);
  }
}

export function toProblem(status: number, body: unknown): Problem {
  if (body && typeof body === 'object' && 'status' in body) return body as Problem;
  return { status, title: `HTTP ${status}`, detail: typeof body === 'string' ? body : undefined };
}

/** "activities.0.hours" and "activities[0].hours" name the same field. */
export function normalizeField(field: string): string {
  return field.replace(/\.(\d+)(?=\.|$|\[)/g, '[$1]').replace(/^\./, '');
}

export interface MappedErrors {
  /** Messages per field path, for the fields the form shows. */
  fields: Record<string, string[]>;
  /** Everything else, for the form's banner. */
  banner: string[];
  stale: boolean;
}

/** What a status means to a person when the API gave no better detail. */
export function statusMessage(status: number): string {
  const e = t().common.errors;
  if (status === 0) return e.network;
  if (status === 401) return e.sessionExpired;
  if (status === 403) return e.forbidden;
  if (status === 404) return e.notFound;
  if (status === 429) return e.tooMany;
  if (status >= 500) return e.unavailable;
  return e.unknown;
}

/**
 * Splits a failure between the fields a form shows and its banner: `errors[]` naming a shown
 * field go beside it; the rest (unknown fields, a detail, a stale version) go to the banner.
 */
export function mapErrors(err: unknown, shownFields: Iterable<string> = []): MappedErrors {
  const e = t().common.errors;
  const shown = new Set([...shownFields].map(normalizeField));
  const out: MappedErrors = { fields: {}, banner: [], stale: false };
  if (!(err instanceof ApiError)) {
    out.banner.push(err instanceof TypeError ? e.network : e.unknown);
    return out;
  }
  if (err.isStaleVersion) {
    out.stale = true;
    out.banner.push(e.stale);
    return out;
  }
  const listed = err.problem.errors ?? [];
  for (const { field, message } of listed) {
    const key = normalizeField(field);
    if (shown.has(key)) (out.fields[key] ??= []).push(message);
    else out.banner.push(`${e.field(key)}: ${message}`);
  }
  if (Object.keys(out.fields).length && out.banner.length === 0) out.banner.push(e.fieldsBelow);
  if (!listed.length) {
    const detail = err.problem.detail;
    out.banner.push(detail && err.status < 500 ? detail : statusMessage(err.status));
  }
  return out;
}
