import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Rational } from '../../costing/domain';
import { costEffectView, CostEffectView, StoredCostEffect } from '../domain/cost-effect';
import type { AttachmentType } from '../domain/attachment-type';
import type { EvidenceRow } from '../domain/evidence-summary';
import type { FeedbackEvidence, FeedbackInput, TargetEstimate } from '../domain/feedback-input';
import { originOf } from '../domain/feedback-rules';
import type { Disposition, FeedbackOrigin, RoundKind } from '../domain/feedback-rules';

/** A row of consultation_feedback with its author and its current answer (FEEDBACK_SELECT). */
export interface FeedbackRow {
  id: string;
  round_id: string;
  regulation_id: string;
  cycle: number;
  round: RoundKind;
  author_id: string;
  author_role: string;
  author_agency_id: string;
  author_name: string;
  author_agency_name: string;
  content: string;
  target_kind: 'regulation' | 'plan' | 'cost_field' | null;
  target_estimate: TargetEstimate | null;
  target_field: string | null;
  target_value: string | null;
  target_estimate_version: number | null;
  evidence_subjects: string | null;
  evidence_frequency: string | null;
  evidence_hours: string | null;
  evidence_amount: string | null;
  evidence_note: string | null;
  created_at: Date;
  published_at: Date | null;
  hidden_at: Date | null;
  hidden_reason: string | null;
  hidden_by: string | null;
  public_tax_code: string | null;
  public_organisation: string | null;
  r_version: number | null;
  disposition: Disposition | null;
  explanation: string | null;
  re_estimate_value: string | null;
  cost_effect: StoredCostEffect | null;
  answered_by_id: string | null;
  answered_by_kind: 'user' | 'api_key' | null;
  answered_by_name: string | null;
  answered_at: Date | null;
  first_answered_at: Date | null;
}

export const FEEDBACK_SELECT = `
  SELECT f.*, u.full_name AS author_name, ag.name AS author_agency_name,
         pa.tax_code AS public_tax_code, pa.organisation AS public_organisation,
         r.version AS r_version, r.disposition, r.explanation, r.re_estimate_value, r.cost_effect,
         r.answered_by_id, r.answered_by_kind, r.answered_at, r.first_answered_at,
         COALESCE(ru.full_name, k.name) AS answered_by_name
    FROM consultation_feedback f
    JOIN app_user u ON u.id = f.author_id
    JOIN agency ag ON ag.id = f.author_agency_id
    LEFT JOIN public_account pa ON f.author_role = 'public' AND pa.user_id = f.author_id
    LEFT JOIN feedback_response r ON r.feedback_id = f.id
    LEFT JOIN app_user ru ON ru.id = r.answered_by_user_id
    LEFT JOIN api_key k ON r.answered_by_kind = 'api_key' AND k.id = r.answered_by_id`;

export interface AttachmentView {
  id: string;
  feedbackId: string;
  filename: string;
  /** The name it was uploaded under, when that differs (e.g. a PNG sent as `.pdf`). */
  declaredFilename: string | null;
  fileType: AttachmentType;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  createdAt: string;
  /** Where to download it. */
  url: string;
}

export interface AnswerView {
  disposition: Disposition;
  explanation: string;
  /** The value the answer gave the disputed cost field. */
  reEstimate: { value: string } | null;
  /** How the answer changed the estimate and the savings (null when it changed nothing). */
  costEffect: CostEffectView | null;
  /** 1 for the first answer, +1 per correction. */
  version: number;
  answeredAt: string;
  firstAnsweredAt: string;
  answeredBy: { id: string; kind: 'user' | 'api_key'; name: string | null };
}

export type TargetView =
  | { kind: 'regulation' }
  | { kind: 'plan' }
  | {
      kind: 'cost_field';
      estimate: TargetEstimate;
      field: string;
      /** The field's value in the estimate when the item was given. */
      valueAtFeedback: string | null;
      estimateVersionAtFeedback: number | null;
    };

/** A public commenter's own account of who they are (góp ý công khai). */
export interface PublicAuthorView {
  organisation: string | null;
  /** Mã số thuế as given: its form and check digit are valid, its registration is not checked. */
  taxCode: string | null;
  taxCodeVerified: false;
}

/** Moderation of a public comment: seen only by its author, the owning agency and the Government Office. */
export interface ModerationView {
  hiddenAt: string;
  reason: string;
  hiddenById: string | null;
}

export interface FeedbackView {
  id: string;
  /** The round (GET /consultations) the item was given in. */
  consultationId: string;
  regulationId: string;
  cycle: number;
  round: RoundKind;
  /** `public` for a comment of a self-registered commenter (góp ý công khai), else the round. */
  origin: FeedbackOrigin;
  author: {
    id: string;
    name: string;
    role: string;
    agencyId: string;
    agencyName: string;
    /** For origin `public` only. */
    public?: PublicAuthorView;
  };
  content: string;
  target: TargetView | null;
  evidence: FeedbackEvidence | null;
  attachments: AttachmentView[];
  createdAt: string;
  /** Set once the cycle was submitted to the Government Office: the answer is public. */
  publishedAt: string | null;
  answer: AnswerView | null;
  /** Set when moderation hid the comment (it is then left out of public views). */
  hidden: ModerationView | null;
}

const decimal = (v: string | null) =>
  v === null || v === undefined ? null : Rational.parse(String(v)).toDecimalString();
const iso = (d: Date | string) => new Date(d).toISOString();

export function targetView(r: FeedbackRow): TargetView | null {
  if (!r.target_kind) return null;
  if (r.target_kind === 'regulation' || r.target_kind === 'plan') return { kind: r.target_kind };
  return {
    kind: 'cost_field',
    estimate: r.target_estimate!,
    field: r.target_field!,
    valueAtFeedback: r.target_value,
    estimateVersionAtFeedback: r.target_estimate_version,
  };
}

export function evidenceView(r: FeedbackRow): FeedbackEvidence | null {
  const e: FeedbackEvidence = {
    subjects: decimal(r.evidence_subjects),
    frequencyPerYear: decimal(r.evidence_frequency),
    hours: decimal(r.evidence_hours),
    amount: decimal(r.evidence_amount),
    note: r.evidence_note,
  };
  return Object.values(e).some((v) => v !== null) ? e : null;
}

export function answerView(r: FeedbackRow): AnswerView | null {
  if (r.r_version === null || r.r_version === undefined) return null;
  return {
    disposition: r.disposition!,
    explanation: r.explanation!,
    reEstimate: r.re_estimate_value === null ? null : { value: r.re_estimate_value },
    costEffect: r.cost_effect ? costEffectView(r.cost_effect) : null,
    version: Number(r.r_version),
    answeredAt: iso(r.answered_at!),
    firstAnsweredAt: iso(r.first_answered_at!),
    answeredBy: { id: r.answered_by_id!, kind: r.answered_by_kind!, name: r.answered_by_name },
  };
}

export function feedbackView(r: FeedbackRow, attachments: AttachmentView[]): FeedbackView {
  return {
    id: r.id,
    consultationId: r.round_id,
    regulationId: r.regulation_id,
    cycle: Number(r.cycle),
    round: r.round,
    origin: originOf(r.author_role, r.round),
    author: {
      id: r.author_id,
      name: r.author_name,
      role: r.author_role,
      agencyId: r.author_agency_id,
      agencyName: r.author_agency_name,
      ...(r.author_role === 'public'
        ? {
            public: {
              organisation: r.public_organisation ?? null,
              taxCode: r.public_tax_code ?? null,
              taxCodeVerified: false as const,
            },
          }
        : {}),
    },
    content: r.content,
    target: targetView(r),
    evidence: evidenceView(r),
    attachments,
    createdAt: iso(r.created_at),
    publishedAt: r.published_at ? iso(r.published_at) : null,
    answer: answerView(r),
    hidden: r.hidden_at
      ? { hiddenAt: iso(r.hidden_at), reason: r.hidden_reason!, hiddenById: r.hidden_by }
      : null,
  };
}

export interface NewFeedback {
  id: string;
  roundId: string;
  regulationId: string;
  cycle: number;
  round: RoundKind;
  authorId: string;
  authorRole: string;
  authorAgencyId: string;
  input: FeedbackInput;
  targetValue: string | null;
  targetEstimateVersion: number | null;
  createdAt: Date;
}

/** GET /feedback?mine=true: one author's items, newest first. */
export interface AuthorFeedbackFilter {
  authorId: string | null;
  regulationId?: string;
  roundId?: string;
  /** Keyset: items before this (created_at, id). */
  before: [string, string] | null;
  take: number;
}

/** GET /regulations/:id/feedback: a regulation's items, oldest first. */
export interface RegulationFeedbackFilter {
  regulationId: string;
  /** 'published': only published, unhidden items (and, with orAuthorId, that author's own). */
  visibility: { kind: 'all' } | { kind: 'published'; orAuthorId?: string };
  cycle?: number;
  round?: RoundKind;
  /** The items blocking the submission: unanswered and not hidden. */
  unanswered?: boolean;
  origin?: FeedbackOrigin;
  /** Keyset: items after this (created_at, id). */
  after: [string, string] | null;
  take: number;
}

/** A new row of feedback_attachment (the bytes are stored in the row). */
export interface NewAttachment {
  id: string;
  feedbackId: string;
  filename: string;
  declaredFilename: string | null;
  fileType: string;
  mediaType: string;
  content: Buffer;
  sha256: string;
  uploadedBy: string | null;
  createdAt: Date;
}

/** Reads and writes of feedback items and their attachments' metadata (raw SQL). */
@Injectable()
export class FeedbackRepository {
  async insert(manager: EntityManager, f: NewFeedback): Promise<void> {
    const t = f.input.target;
    const e = f.input.evidence;
    await manager.query(
      `INSERT INTO consultation_feedback (id, round_id, regulation_id, cycle, round, author_id,
         author_role, author_agency_id, content, target_kind, target_estimate, target_field,
         target_value, target_estimate_version, evidence_subjects, evidence_frequency,
         evidence_hours, evidence_amount, evidence_note, created_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15::numeric,$16::numeric,
         $17::numeric,$18::numeric,$19,$20)`,
      [
        f.id,
        f.roundId,
        f.regulationId,
        f.cycle,
        f.round,
        f.authorId,
        f.authorRole,
        f.authorAgencyId,
        f.input.content,
        t?.kind ?? null,
        t?.kind === 'cost_field' ? t.estimate : null,
        t?.kind === 'cost_field' ? t.field : null,
        f.targetValue,
        f.targetEstimateVersion,
        e?.subjects ?? null,
        e?.frequencyPerYear ?? null,
        e?.hours ?? null,
        e?.amount ?? null,
        e?.note ?? null,
        f.createdAt,
      ],
    );
  }

  /**
   * Hides a public comment with its reason; false when it was already hidden (the first reason
   * stands). Row-locked by the UPDATE, so two moderators cannot both record theirs.
   */
  async hide(
    manager: EntityManager,
    id: string,
    h: { reason: string; byUserId: string; at: Date },
  ): Promise<boolean> {
    const [rows] = await manager.query(
      `UPDATE consultation_feedback SET hidden_at = $2, hidden_reason = $3, hidden_by = $4
        WHERE id = $1 AND hidden_at IS NULL RETURNING id`,
      [id, h.at, h.reason, h.byUserId],
    );
    return rows.length > 0;
  }

  async findRow(manager: EntityManager, id: string): Promise<FeedbackRow | null> {
    const rows: FeedbackRow[] = await manager.query(`${FEEDBACK_SELECT} WHERE f.id = $1`, [id]);
    return rows[0] ?? null;
  }

  /**
   * Serialises the writers of one item's attachments until the transaction ends, so that the
   * count taken next is exact (parallel uploads cannot both see 9 and store 11). NO KEY UPDATE
   * does not block the foreign-key checks of inserts that refer to the item.
   */
  async lockForAttachments(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`SELECT 1 FROM consultation_feedback WHERE id = $1 FOR NO KEY UPDATE`, [
      id,
    ]);
  }

  async listByAuthor(manager: EntityManager, q: AuthorFeedbackFilter): Promise<FeedbackRow[]> {
    const params: unknown[] = [q.authorId];
    const where = ['f.author_id = $1'];
    const add = (sql: string, v: unknown) => {
      params.push(v);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (q.regulationId) add('f.regulation_id = ?', q.regulationId);
    if (q.roundId) add('f.round_id = ?', q.roundId);
    if (q.before) {
      params.push(q.before[0], q.before[1]);
      where.push(
        `(f.created_at, f.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`,
      );
    }
    params.push(q.take);
    return manager.query(
      `${FEEDBACK_SELECT} WHERE ${where.join(' AND ')}
        ORDER BY f.created_at DESC, f.id DESC LIMIT $${params.length}`,
      params,
    );
  }

  async listForRegulation(
    manager: EntityManager,
    q: RegulationFeedbackFilter,
  ): Promise<FeedbackRow[]> {
    const params: unknown[] = [q.regulationId];
    const where = ['f.regulation_id = $1'];
    const add = (sql: string, v: unknown) => {
      params.push(v);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (q.visibility.kind === 'published') {
      if (q.visibility.orAuthorId)
        add(
          '((f.published_at IS NOT NULL AND f.hidden_at IS NULL) OR f.author_id = ?)',
          q.visibility.orAuthorId,
        );
      else where.push('f.published_at IS NOT NULL AND f.hidden_at IS NULL');
    }
    if (q.cycle !== undefined) add('f.cycle = ?', q.cycle);
    if (q.round) add('f.round = ?', q.round);
    if (q.unanswered) where.push('r.feedback_id IS NULL AND f.hidden_at IS NULL');
    if (q.origin === 'public') where.push(`f.author_role = 'public'`);
    else if (q.origin) add(`f.author_role <> 'public' AND f.round = ?`, q.origin);
    if (q.after) {
      params.push(q.after[0], q.after[1]);
      where.push(
        `(f.created_at, f.id) > ($${params.length - 1}::timestamptz, $${params.length}::uuid)`,
      );
    }
    params.push(q.take);
    return manager.query(
      `${FEEDBACK_SELECT} WHERE ${where.join(' AND ')}
        ORDER BY f.created_at, f.id LIMIT $${params.length}`,
      params,
    );
  }

  /** The items of one consultation cycle (both rounds), oldest first: the report's rows. */
  async ofCycle(
    manager: EntityManager,
    regulationId: string,
    cycle: number,
  ): Promise<FeedbackRow[]> {
    return manager.query(
      `${FEEDBACK_SELECT} WHERE f.regulation_id = $1 AND f.cycle = $2 ORDER BY f.created_at, f.id`,
      [regulationId, cycle],
    );
  }

  /** How many files an item has; exact after lockForAttachments. */
  async countAttachments(manager: EntityManager, feedbackId: string): Promise<number> {
    const [{ n }] = await manager.query(
      `SELECT count(*)::int AS n FROM feedback_attachment WHERE feedback_id = $1`,
      [feedbackId],
    );
    return n;
  }

  async insertAttachment(manager: EntityManager, a: NewAttachment): Promise<AttachmentView> {
    const rows = await manager.query(
      `INSERT INTO feedback_attachment (id, feedback_id, filename, declared_filename, file_type,
         media_type, size_bytes, sha256, content, uploaded_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       RETURNING id, feedback_id, filename, declared_filename, file_type, media_type, size_bytes,
         sha256, created_at`,
      [
        a.id,
        a.feedbackId,
        a.filename,
        a.declaredFilename,
        a.fileType,
        a.mediaType,
        a.content.length,
        a.sha256,
        a.content,
        a.uploadedBy,
        a.createdAt,
      ],
    );
    return attachmentView(rows[0]);
  }

  /** An attachment's bytes, only under the item it belongs to. */
  async attachmentContent(
    manager: EntityManager,
    feedbackId: string,
    attachmentId: string,
  ): Promise<{ filename: string; mediaType: string; sha256: string; content: Buffer } | null> {
    const rows: Array<{ filename: string; media_type: string; sha256: string; content: Buffer }> =
      await manager.query(
        `SELECT filename, media_type, sha256, content FROM feedback_attachment
          WHERE id = $1 AND feedback_id = $2`,
        [attachmentId, feedbackId],
      );
    if (rows.length === 0) return null;
    const r = rows[0];
    return {
      filename: r.filename,
      mediaType: r.media_type,
      sha256: String(r.sha256).trim(),
      content: Buffer.isBuffer(r.content) ? r.content : Buffer.from(r.content),
    };
  }

  /** Rows of a query on FEEDBACK_SELECT, as views with their attachments. */
  async views(manager: EntityManager, rows: FeedbackRow[]): Promise<FeedbackView[]> {
    const attachments = await this.attachments(
      manager,
      rows.map((r) => r.id),
    );
    return rows.map((r) => feedbackView(r, attachments.get(r.id) ?? []));
  }

  async view(manager: EntityManager, id: string): Promise<FeedbackView | null> {
    const row = await this.findRow(manager, id);
    return row ? (await this.views(manager, [row]))[0] : null;
  }

  /** Attachment metadata (never the bytes) per feedback item, oldest first. */
  async attachments(
    manager: EntityManager,
    feedbackIds: string[],
  ): Promise<Map<string, AttachmentView[]>> {
    const out = new Map<string, AttachmentView[]>();
    if (feedbackIds.length === 0) return out;
    const rows: Array<Record<string, any>> = await manager.query(
      `SELECT id, feedback_id, filename, declared_filename, file_type, media_type, size_bytes, sha256, created_at
         FROM feedback_attachment WHERE feedback_id = ANY($1::uuid[]) ORDER BY created_at, id`,
      [feedbackIds],
    );
    for (const a of rows) {
      const list = out.get(a.feedback_id) ?? [];
      list.push(attachmentView(a));
      out.set(a.feedback_id, list);
    }
    return out;
  }

  /** Per regulation: items of its latest cycle that have no answer yet (the "my tasks" list). */
  async unansweredCounts(
    manager: EntityManager,
    regulationIds: readonly string[],
  ): Promise<Map<string, number>> {
    const rows: Array<{ regulation_id: string; n: number }> = await manager.query(
      `SELECT f.regulation_id, count(*)::int AS n FROM consultation_feedback f
        WHERE f.regulation_id = ANY ($1::uuid[])
          AND f.cycle = (SELECT max(cycle) FROM consultation_round c
                          WHERE c.regulation_id = f.regulation_id)
          AND NOT EXISTS (SELECT 1 FROM feedback_response r WHERE r.feedback_id = f.id)
        GROUP BY f.regulation_id`,
      [[...new Set(regulationIds)]],
    );
    return new Map(rows.map((r) => [r.regulation_id, Number(r.n)]));
  }

  /** Which of `roundIds` the author has given feedback in. */
  async roundsWithFeedbackBy(
    manager: EntityManager,
    authorId: string,
    roundIds: readonly string[],
  ): Promise<Set<string>> {
    const rows: Array<{ round_id: string }> = await manager.query(
      `SELECT DISTINCT round_id FROM consultation_feedback
        WHERE author_id = $1 AND round_id = ANY ($2::uuid[])`,
      [authorId, [...new Set(roundIds)]],
    );
    return new Set(rows.map((r) => r.round_id));
  }

  /** How many items a round received and how many of them are unanswered. */
  async roundCounts(
    manager: EntityManager,
    roundId: string,
  ): Promise<{ items: number; unanswered: number }> {
    const [row] = await manager.query(
      `SELECT count(*)::int AS items,
            count(*) FILTER (WHERE NOT EXISTS (
              SELECT 1 FROM feedback_response r WHERE r.feedback_id = f.id))::int AS unanswered
       FROM consultation_feedback f WHERE f.round_id = $1`,
      [roundId],
    );
    return { items: Number(row.items), unanswered: Number(row.unanswered) };
  }

  /** Those of the invited experts who gave no feedback in the round. */
  async silentExperts(
    manager: EntityManager,
    roundId: string,
    invitedExpertIds: readonly string[],
  ): Promise<string[]> {
    const silent: Array<{ id: string }> = await manager.query(
      `SELECT e AS id FROM unnest($2::uuid[]) e
            WHERE NOT EXISTS (SELECT 1 FROM consultation_feedback f
                               WHERE f.round_id = $1 AND f.author_id = e)`,
      [roundId, invitedExpertIds],
    );
    return silent.map((s) => s.id);
  }

  /** Publishes (and so freezes) the items of the regulation's latest cycle. */
  async publishLatestCycle(manager: EntityManager, regulationId: string, at: Date): Promise<void> {
    await manager.query(
      `UPDATE consultation_feedback SET published_at = $2
        WHERE regulation_id = $1 AND published_at IS NULL
          AND cycle = (SELECT max(cycle) FROM consultation_round WHERE regulation_id = $1)`,
      [regulationId, at],
    );
  }

  /**
   * The workflow guards' counts for a cycle: invited experts (ids compared case-insensitively)
   * without an expert-round item, and visible items without an answer.
   */
  async guardCounts(
    manager: EntityManager,
    regulationId: string,
    cycle: number,
    invitedExpertIds: readonly string[],
  ): Promise<{ expertsWithoutFeedback: number; unanswered: number }> {
    const [row] = await manager.query(
      `SELECT
         (SELECT count(*)::int FROM (SELECT DISTINCT lower(e) AS id FROM unnest($3::text[]) e) invited
           WHERE NOT EXISTS (
             SELECT 1 FROM consultation_feedback f
              WHERE f.regulation_id = $1 AND f.cycle = $2 AND f.round = 'expert'
                AND f.author_id::text = invited.id)) AS experts_without_feedback,
         (SELECT count(*)::int FROM consultation_feedback f
           WHERE f.regulation_id = $1 AND f.cycle = $2 AND f.hidden_at IS NULL
             AND NOT EXISTS (SELECT 1 FROM feedback_response r WHERE r.feedback_id = f.id)) AS unanswered`,
      [regulationId, cycle, invitedExpertIds],
    );
    return {
      expertsWithoutFeedback: Number(row.experts_without_feedback),
      unanswered: Number(row.unanswered),
    };
  }

  /** The visible items of a cycle without an answer, oldest first. */
  async unansweredIdsOfCycle(
    manager: EntityManager,
    regulationId: string,
    cycle: number,
  ): Promise<string[]> {
    const rows: Array<{ id: string }> = await manager.query(
      `SELECT f.id FROM consultation_feedback f
          WHERE f.regulation_id = $1 AND f.cycle = $2 AND f.hidden_at IS NULL
            AND NOT EXISTS (SELECT 1 FROM feedback_response r WHERE r.feedback_id = f.id)
          ORDER BY f.created_at, f.id`,
      [regulationId, cycle],
    );
    return rows.map((r) => r.id);
  }

  /** The invited experts (lower-cased, sorted) without an expert-round item in the cycle. */
  async expertsWithoutFeedback(
    manager: EntityManager,
    regulationId: string,
    cycle: number,
    invitedExpertIds: readonly string[],
  ): Promise<string[]> {
    const rows: Array<{ id: string }> = await manager.query(
      `SELECT DISTINCT lower(e) AS id FROM unnest($3::text[]) e
          WHERE NOT EXISTS (SELECT 1 FROM consultation_feedback f
                             WHERE f.regulation_id = $1 AND f.cycle = $2 AND f.round = 'expert' AND f.author_id::text = lower(e))
          ORDER BY 1`,
      [regulationId, cycle, invitedExpertIds],
    );
    return rows.map((r) => r.id);
  }

  /** The visible items of a cycle with their evidence figures (as text) and whether answered. */
  evidenceOfCycle(
    manager: EntityManager,
    regulationId: string,
    cycle: number,
  ): Promise<
    Array<
      EvidenceRow & { round: string; answered: boolean; has_evidence: boolean; published: boolean }
    >
  > {
    return manager.query(
      `SELECT f.round, f.evidence_subjects::text AS subjects, f.published_at IS NOT NULL AS published,
              f.evidence_frequency::text AS "frequencyPerYear", f.evidence_hours::text AS hours,
              f.evidence_amount::text AS amount,
              (f.evidence_subjects IS NOT NULL OR f.evidence_frequency IS NOT NULL
                OR f.evidence_hours IS NOT NULL OR f.evidence_amount IS NOT NULL
                OR f.evidence_note IS NOT NULL) AS has_evidence,
              EXISTS (SELECT 1 FROM feedback_response r WHERE r.feedback_id = f.id) AS answered
         FROM consultation_feedback f
        WHERE f.regulation_id = $1 AND f.cycle = $2 AND f.hidden_at IS NULL`,
      [regulationId, cycle],
    );
  }
}

export function attachmentView(a: Record<string, any>): AttachmentView {
  return {
    id: a.id,
    feedbackId: a.feedback_id,
    filename: a.filename,
    declaredFilename: a.declared_filename ?? null,
    fileType: a.file_type,
    mediaType: a.media_type,
    sizeBytes: Number(a.size_bytes),
    sha256: String(a.sha256).trim(),
    createdAt: iso(a.created_at),
    url: `/feedback/${a.feedback_id}/attachments/${a.id}`,
  };
}
