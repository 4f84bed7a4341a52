/** The event types an integration platform (LGSP/NGSP) may subscribe to: thing.what_happened. */
export const EVENT_TYPES = [
  'regulation.created',
  'regulation.transitioned',
  'estimate.changed',
  'feedback.submitted',
  'feedback.answered',
  'consultation.closing_soon',
  'consultation.closed',
  'decision.recorded',
  'implementation.overdue',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Sent only by `POST /webhooks/:id/ping`; never in the change feed. */
export const PING_EVENT_TYPE = 'webhook.ping';

export const isEventType = (s: string): s is EventType =>
  (EVENT_TYPES as readonly string[]).includes(s);

/** `["*"]`, or a non-empty list of known types without repeats. Returns the problem, or null. */
export function eventListProblem(events: unknown): string | null {
  if (!Array.isArray(events) || events.length === 0) {
    return 'events must be ["*"] or a non-empty list of event types';
  }
  if (events.length === 1 && events[0] === '*') return null;
  const unknown = events.filter((e) => typeof e !== 'string' || !isEventType(e));
  if (unknown.length > 0) {
    return `unknown event type(s) ${unknown.map(String).join(', ')}; known: ${EVENT_TYPES.join(', ')} or "*"`;
  }
  if (new Set(events).size !== events.length) return 'events must not repeat a type';
  return null;
}
