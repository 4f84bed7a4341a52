/** Shapes of the reads of the association / expert area, as the service answers them. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Round {
  id: string;
  regulationId: string;
  round: 'expert' | 'association';
  opensAt: string;
  closesAt: string;
  status: string;
  invitedExpertIds: string[];
}

export interface Estimate {
  kind: 'baseline' | 'proposed';
  version: number;
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
}

export interface RegulationDetail {
  id: string;
  title: string;
  provision: string;
  description: string;
  category: string;
  stateName: string;
  agencyId: string;
  legalDocument: { id: string; number: string; title: string } | null;
  baselineCost: string | null;
  proposedCost: string | null;
  savings: string | null;
  reductionPct: number | null;
  plan: { action: string; description: string; targetDocument?: string | null } | null;
}

export interface Attachment {
  id: string;
  filename: string;
  fileType: string;
  sizeBytes: number;
  url: string;
}

export interface FeedbackItem {
  id: string;
  consultationId: string;
  regulationId: string;
  round: string;
  content: string;
  target:
    | { kind: 'regulation' | 'plan' }
    | {
        kind: 'cost_field';
        estimate: 'baseline' | 'proposed';
        field: string;
        valueAtFeedback: string | null;
      }
    | null;
  evidence: Record<string, string | null> | null;
  attachments: Attachment[];
  createdAt: string;
  answer: {
    disposition: string;
    explanation: string;
    reEstimate: { value: string } | null;
    answeredAt: string;
  } | null;
}
