import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** Topics of the consultation events the integration layer delivers (LGSP/NGSP, e-mail …). */
export const CONSULTATION_TOPICS = {
  feedbackReceived: 'consultation.feedback_received',
  answerGiven: 'consultation.answer_given',
  roundClosingSoon: 'consultation.round_closing_soon',
  roundClosed: 'consultation.round_closed',
} as const;
export type ConsultationTopic = (typeof CONSULTATION_TOPICS)[keyof typeof CONSULTATION_TOPICS];

export interface OutboxEvent {
  topic: ConsultationTopic;
  regulationId: string;
  roundId?: string | null;
  feedbackId?: string | null;
  payload: Record<string, unknown>;
  at: Date;
}

/**
 * Transactional outbox (consultation_outbox): an event is written in the transaction that caused
 * it, so it exists exactly when the change committed; a dispatcher marks `dispatched_at`.
 */
@Injectable()
export class ConsultationOutbox {
  async write(manager: EntityManager, e: OutboxEvent): Promise<void> {
    await manager.query(
      `INSERT INTO consultation_outbox (topic, regulation_id, round_id, feedback_id, payload, created_at)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6)`,
      [
        e.topic,
        e.regulationId,
        e.roundId ?? null,
        e.feedbackId ?? null,
        JSON.stringify({ topic: e.topic, at: e.at.toISOString(), ...e.payload }),
        e.at,
      ],
    );
  }
}
