import { randomUUID } from 'node:crypto';
import * as jwt from 'jsonwebtoken';
import { Client } from 'pg';
import { initialSnapshot, stateOf } from '../../src/workflow/domain';

export interface Seeded {
  agencyId: string;
  leadId: string;
  /** `Authorization` header of a ministry lead of the agency. */
  auth: string;
  regulationIds: string[];
}

/** An agency, its lead (with a token signed by the services' secret) and N draft regulations. */
export async function seedRegulations(url: string, secret: string, n: number): Promise<Seeded> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    const agencyId = randomUUID();
    const leadId = randomUUID();
    const docId = randomUUID();
    await c.query(
      `INSERT INTO agency (id, code, name, kind) VALUES ($1, $2, 'Bộ Thử nghiệm', 'ministry')`,
      [agencyId, `F${agencyId.slice(0, 8)}`],
    );
    await c.query(
      `INSERT INTO app_user (id, email, full_name, role, agency_id, password_hash) VALUES ($1, $2, 'Lãnh đạo', 'ministry_lead', $3, 'x')`,
      [leadId, `lead-${leadId}@faults.regcut.vn`, agencyId],
    );
    await c.query(
      `INSERT INTO legal_document (id, number, type, issuer, title, issued_on, effective_on) VALUES ($1, $2, 'decree', 'Chính phủ', 'Nghị định', '2019-01-01', '2019-01-01')`,
      [docId, `${Math.floor(Math.random() * 90000) + 1}/2019/NĐ-CP`],
    );
    const snapshot = initialSnapshot(new Date().toISOString());
    const { state, stateName } = stateOf(snapshot);
    const ids = Array.from({ length: n }, () => randomUUID());
    await c.query(
      `INSERT INTO regulation (id, legal_document_id, provision, title, category, sector_code, agency_id, workflow_snapshot, machine_version, state, state_name)
       SELECT u, $2, 'Điều 1', 'Quy định thử', 'administrative_procedure', 'trade', $3, $4, $5, $6, $7 FROM unnest($1::uuid[]) AS u`,
      [
        ids,
        docId,
        agencyId,
        JSON.stringify(snapshot),
        snapshot.machineVersion,
        JSON.stringify(state),
        stateName,
      ],
    );
    const token = jwt.sign({ sub: leadId, ver: 1 }, secret, {
      algorithm: 'HS256',
      expiresIn: 3600,
    });
    return { agencyId, leadId, auth: `Bearer ${token}`, regulationIds: ids };
  } finally {
    await c.end();
  }
}

/** The three events a regulation can take one after another with no facts: draft → costing → withdrawn. */
export const EVENT_SEQUENCE = [
  { type: 'SUBMIT_FOR_REVIEW' },
  {
    type: 'COMPLETE_REVIEW',
    necessary: true,
    legal: true,
    reasonable: false,
    notes: 'chưa hợp lý',
  },
  { type: 'WITHDRAW', reason: 'thử nghiệm chịu lỗi' },
] as const;

/**
 * N regulations in `implementing.on_track` whose implementation deadline passed, each with its
 * pending durable timer due a minute ago (as if it came due while no process ran).
 */
export async function seedOverdueImplementations(
  url: string,
  agencyId: string,
  n: number,
): Promise<string[]> {
  const { reach } = await import('../../src/workflow/domain/workflow.fixtures');
  const { expectedTimers } = await import('../../src/workflow/domain');
  const snapshot = reach('implementing');
  const { state, stateName } = stateOf(snapshot);
  const [timer] = expectedTimers(snapshot);
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    const [{ id: docId }] = (await c.query(`SELECT id FROM legal_document LIMIT 1`)).rows;
    const ids = Array.from({ length: n }, () => randomUUID());
    await c.query(
      `INSERT INTO regulation (id, legal_document_id, provision, title, category, sector_code, agency_id, workflow_snapshot, machine_version, state, state_name, published, plan_public)
       SELECT u, $2, 'Điều 2', 'Quy định đang thực thi', 'business_condition', 'trade', $3, $4, $5, $6, $7, true, true FROM unnest($1::uuid[]) AS u`,
      [
        ids,
        docId,
        agencyId,
        JSON.stringify(snapshot),
        snapshot.machineVersion,
        JSON.stringify(state),
        stateName,
      ],
    );
    await c.query(
      `INSERT INTO scheduled_timer (id, kind, subject_key, payload, due_at)
       SELECT gen_random_uuid(), $2, u::text, $3, now() - interval '1 minute' FROM unnest($1::uuid[]) AS u`,
      [ids, timer.id, JSON.stringify({ event: timer.event })],
    );
    return ids;
  } finally {
    await c.end();
  }
}

/** A user of the given role in a new agency of the fitting kind, with a token. */
export async function seedUser(
  url: string,
  secret: string,
  role: 'gov_office' | 'admin',
): Promise<string> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    const agencyId = randomUUID();
    const userId = randomUUID();
    await c.query(
      `INSERT INTO agency (id, code, name, kind) VALUES ($1, $2, 'Văn phòng Chính phủ', 'government_office')`,
      [agencyId, `G${agencyId.slice(0, 8)}`],
    );
    await c.query(
      `INSERT INTO app_user (id, email, full_name, role, agency_id, password_hash) VALUES ($1, $2, 'Chuyên viên', $3, $4, 'x')`,
      [userId, `${role}-${userId}@faults.regcut.vn`, role, agencyId],
    );
    return `Bearer ${jwt.sign({ sub: userId, ver: 1 }, secret, { algorithm: 'HS256', expiresIn: 3600 })}`;
  } finally {
    await c.end();
  }
}
