import type { components } from './schema';

/**
 * Response shapes the OpenAPI document does not describe yet (no response schema on the route);
 * checked against the service's views (src/register/regulations, src/costing, src/workflow).
 * Request bodies and routes come from the generated schema.ts.
 */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** From the document (src/register/regulations/regulation.response.ts). */
export type Regulation = components['schemas']['RegulationResponseDto'];
export type RegulationDetail = components['schemas']['RegulationDetailDto'];
export type Plan = components['schemas']['PlanSummaryDto'];

export interface CostEstimate {
  id?: string;
  kind: 'baseline' | 'proposed';
  parameterSetId: string;
  subjectType: string;
  costKind: string;
  activities: Array<{
    name: string;
    hours: string;
    hoursLow?: string | null;
    hoursHigh?: string | null;
  }>;
  hiredServices: string;
  feesAndCharges: string;
  otherCosts: string;
  frequencyPerYear: string;
  frequencyLow?: string | null;
  frequencyHigh?: string | null;
  subjectsPerYear: string;
  subjectsLow?: string | null;
  subjectsHigh?: string | null;
  hourlyRate: string;
  unitCost: string;
  annualCost: string;
  annualCostLow?: string | null;
  annualCostHigh?: string | null;
  version: number;
}

export interface ParameterSet {
  id: string;
  year: number;
  hourlyRate: string;
  hourlyRateExact: string;
  rateSource: string;
}

export interface HistoryEntry {
  seq: number;
  at: string;
  actorId: string | null;
  actorRole: string;
  event: string;
  fromState: unknown;
  toState: unknown;
  payload: Record<string, unknown> | null;
}

export interface ConsultationRound {
  id: string;
  regulationId: string;
  round: 'expert' | 'association';
  opensAt: string;
  closesAt: string;
  status: string;
  invitedExpertIds: string[];
}

export interface Feedback {
  id: string;
  consultationId: string;
  regulationId: string;
  cycle: number;
  round: 'expert' | 'association';
  /** `public`: a comment of a self-registered commenter (góp ý công khai). */
  origin?: 'expert' | 'association' | 'public';
  author: {
    id: string;
    name: string;
    role: string;
    agencyId: string;
    agencyName: string;
    public?: { organisation: string | null; taxCode: string | null; taxCodeVerified: boolean };
  };
  content: string;
  target: {
    kind: string;
    estimate?: string;
    field?: string;
    valueAtFeedback?: string | null;
  } | null;
  evidence: Record<string, unknown> | null;
  attachments: Array<{ id: string; fileName?: string; [k: string]: unknown }>;
  createdAt: string;
  publishedAt: string | null;
  answer: {
    disposition: string;
    explanation: string;
    reEstimate: { value: string } | null;
    version: number;
    answeredAt: string;
  } | null;
  /** Set when moderation hid a public comment (seen by its author, the owner, the Office). */
  hidden?: { hiddenAt: string; reason: string; hiddenById: string | null } | null;
}

/** GET /consultations/:id/report (JSON): the route documents no response schema. */
export interface ConsultationReport {
  consultationId: string;
  cycle: number;
  generatedAt: string;
  publishedAt: string | null;
  summary: {
    items: number;
    answered: number;
    unanswered: number;
    accepted: number;
    partiallyAccepted: number;
    rejected: number;
    withEvidence: number;
    withAttachments: number;
    reEstimates: number;
  };
  items: Feedback[];
}
