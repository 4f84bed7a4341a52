import type { components } from '../api/schema';

export type Warning = components['schemas']['WorkflowWarningDto'];

/** The warnings of a workflow event (POST /regulations/:id/events) or of a decision, if any. */
export function warningsOf(response: unknown): Warning[] {
  const w = (response as { warnings?: unknown } | null | undefined)?.warnings;
  return Array.isArray(w) ? (w as Warning[]) : [];
}
