/** Shapes of the reads of the association / expert area, as the service answers them. */
import type { ConsultationRound, CostEstimate, Page } from '../../api/types';

export type { Page };
export type Round = ConsultationRound;
export type Estimate = CostEstimate;

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
