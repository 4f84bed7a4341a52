import { Webhook } from 'standardwebhooks';
import { isPrivateAddress, webhookUrlProblem } from './address-rules';
import { eventListProblem } from './event-types';
import { eventsOf, mergeBatch, OutboxRow } from './events';
import { MAX_ATTEMPTS, nextAttemptAt, RETRY_DELAYS_MS, shouldDisable } from './retry-schedule';
import { SecretBox } from './secret-box';
import { generateSecret, signedHeaders } from './signing';
import { feedScope, mayManageWebhook, webhookScopeProblem } from './visibility';

describe('integration domain', () => {
  it('signs as Standard Webhooks does (checked by the standardwebhooks package)', () => {
    const secret = generateSecret();
    const body = JSON.stringify({ id: 'e1', type: 'regulation.created', data: { x: 'Điều 5' } });
    const headers = signedHeaders([secret], 'msg_1', new Date(), body);
    expect(() => new Webhook(secret).verify(body, { ...headers })).not.toThrow();
    const rotated = signedHeaders([generateSecret(), secret], 'msg_1', new Date(), body);
    expect(rotated['webhook-signature'].split(' ')).toHaveLength(2);
    expect(() => new Webhook(secret).verify(body, { ...rotated })).not.toThrow();
    expect(() => new Webhook(secret).verify(body + ' ', { ...headers })).toThrow();
  });

  it('retries within 30 s, then for at least 24 h in all, then gives up', () => {
    const t0 = new Date('2026-01-01T00:00:00Z');
    expect(nextAttemptAt(1, t0)!.getTime() - t0.getTime()).toBeLessThanOrEqual(30_000);
    expect(RETRY_DELAYS_MS.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(24 * 3_600_000);
    expect(nextAttemptAt(MAX_ATTEMPTS, t0)).toBeNull();
    expect(shouldDisable(null, t0, 1)).toBe(false);
    expect(shouldDisable(t0, new Date(t0.getTime() + 5 * 86_400_000), 5 * 86_400_000)).toBe(true);
  });

  it('refuses private, loopback and link-local addresses', () => {
    for (const a of [
      '127.0.0.1',
      '10.0.0.1',
      '172.16.5.4',
      '192.168.1.1',
      '169.254.169.254',
      '::1',
      'fe80::1',
      'fd00::1',
      '::ffff:127.0.0.1',
      '100.64.0.1',
      '0.0.0.0',
    ]) {
      expect([a, isPrivateAddress(a)]).toEqual([a, true]);
    }
    for (const a of ['8.8.8.8', '203.162.4.191', '2001:4860:4860::8888']) {
      expect([a, isPrivateAddress(a)]).toEqual([a, false]);
    }
    expect(webhookUrlProblem('ftp://x.vn/', true)).toMatch(/http/);
    expect(webhookUrlProblem('https://u:p@x.vn/', true)).toMatch(/credentials/);
    expect(webhookUrlProblem('http://127.0.0.1/', false)).toMatch(/private/);
    expect(webhookUrlProblem('http://127.0.0.1/', true)).toBeNull();
    expect(webhookUrlProblem('https://lgsp.moh.gov.vn/hook', false)).toBeNull();
  });

  it('validates event lists', () => {
    expect(eventListProblem(['*'])).toBeNull();
    expect(eventListProblem(['regulation.created', 'decision.recorded'])).toBeNull();
    expect(eventListProblem([])).toMatch(/non-empty/);
    expect(eventListProblem(['*', 'regulation.created'])).toMatch(/unknown/);
    expect(eventListProblem(['regulation.created', 'regulation.created'])).toMatch(/repeat/);
  });

  it('seals secrets so that only the same master secret opens them', () => {
    const box = new SecretBox('a'.repeat(40));
    const sealed = box.seal('whsec_abc');
    expect(sealed).not.toContain('abc');
    expect(box.open(sealed)).toBe('whsec_abc');
    expect(() => new SecretBox('b'.repeat(40)).open(sealed)).toThrow();
  });

  it('maps transitions to events, keeping review notes out of the public form', () => {
    const row: OutboxRow = {
      source: 'workflow_outbox',
      id: 7,
      topic: 'regulation.transitioned',
      regulationId: 'r1',
      createdAt: new Date('2026-01-01T00:00:00Z'),
      payload: {
        agencyId: 'a1',
        event: 'RECORD_DECISION',
        fromStateName: 'awaiting_decision',
        toStateName: 'implementing',
        version: 9,
        payload: { outcome: 'approved', decisionNumber: '1661/QĐ-TTg', notes: 'nội bộ' },
        actor: { kind: 'user', id: 'u1', role: 'gov_office' },
        at: '2026-01-01T00:00:00.000Z',
      },
    };
    const [transitioned, decided] = eventsOf(row);
    expect(transitioned.type).toBe('regulation.transitioned');
    expect(transitioned.isPublic).toBe(true);
    expect(JSON.stringify(transitioned.publicData)).not.toContain('nội bộ');
    expect(decided).toMatchObject({
      type: 'decision.recorded',
      data: { decisionNumber: '1661/QĐ-TTg' },
    });
    const draft = eventsOf({
      ...row,
      payload: {
        ...row.payload,
        event: 'WITHDRAW',
        fromStateName: 'draft',
        toStateName: 'withdrawn',
      },
    });
    expect(draft[0].isPublic).toBe(false);
  });

  it('merges outbox batches by id and holds back rows beyond a full batch', () => {
    const r = (source: OutboxRow['source'], id: number): OutboxRow => ({
      source,
      id,
      topic: 't',
      regulationId: 'r',
      payload: {},
      createdAt: new Date(0),
    });
    const merged = mergeBatch(
      [
        [r('workflow_outbox', 1), r('workflow_outbox', 4)],
        [r('consultation_outbox', 2), r('consultation_outbox', 9)],
      ],
      2,
    );
    expect(merged.map((x) => x.id)).toEqual([1, 2, 4]);
  });

  it('scopes the feed and webhook management by role', () => {
    expect(feedScope({ role: 'gov_office', agencyId: 'g' }, false)).toEqual({ kind: 'all' });
    expect(feedScope({ role: 'ministry_officer', agencyId: 'm' }, false)).toEqual({
      kind: 'agency',
      agencyId: 'm',
    });
    expect(feedScope({ role: 'association', agencyId: 'v' }, false)).toEqual({ kind: 'public' });
    expect(webhookScopeProblem({ role: 'ministry_lead', agencyId: 'm' }, 'm')).toBeNull();
    expect(webhookScopeProblem({ role: 'ministry_lead', agencyId: 'm' }, null)?.status).toBe(403);
    expect(webhookScopeProblem({ role: 'ministry_officer', agencyId: 'm' }, 'm')?.status).toBe(403);
    expect(mayManageWebhook({ role: 'ministry_lead', agencyId: 'm' }, 'x')).toBe(false);
  });
});
