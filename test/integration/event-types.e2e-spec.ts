import { Webhook } from 'standardwebhooks';
import { EVENT_TYPES } from '../../src/integration/domain/event-types';
import { DeliveryService } from '../../src/integration/delivery/delivery.service';
import { RelayService } from '../../src/integration/delivery/relay.service';
import {
  closeRoundsByDeadline,
  createWorld,
  DAY_MS,
  days,
  event,
  expectStatus,
  giveFeedback,
  openConsultation,
  planReady,
  respond,
  sweep,
  World,
} from '../consultation/consultation-support';
import { Receiver } from './receiver';

/** Every event type of the contract is produced by the real write paths and delivered signed. */
describe('integration events along a regulation’s whole life', () => {
  let w: World;
  let receiver: Receiver;

  beforeAll(async () => {
    w = await createWorld({ env: { WEBHOOK_POLL_INTERVAL_MS: '3600000' } });
    receiver = await new Receiver().start();
  });
  afterAll(async () => {
    await receiver.stop();
    await w.t.close();
  });

  it('produces and delivers each type, in order per record', async () => {
    const hook = expectStatus(
      await w.t.http
        .post('/webhooks')
        .set('Authorization', w.gov.auth)
        .send({ url: receiver.url, events: ['*'], description: 'NGSP' }),
      201,
    );
    const id = await planReady(w);
    const c = await openConsultation(w, id);
    const item = expectStatus(
      await giveFeedback(w, w.association, c.associationRound, {
        content: 'Thời gian chuẩn bị hồ sơ thực tế dài hơn.',
      }),
      201,
    );
    await closeRoundsByDeadline(w, 36);
    expectStatus(
      await respond(w, w.officer, item.id, {
        disposition: 'rejected',
        explanation: 'Số liệu khảo sát cho thấy 8 giờ là hợp lý.',
      }),
      200,
    );
    await event(w, w.lead, id, { type: 'SUBMIT_TO_GOVERNMENT_OFFICE' });
    await event(w, w.gov, id, { type: 'FORWARD_FOR_DECISION', note: 'đủ điều kiện' });
    expectStatus(
      await w.t.http
        .post('/decisions')
        .set('Authorization', w.gov.auth)
        .send({
          decisionNumber: '1661/QĐ-TTg',
          decisionDate: days(w, 0).slice(0, 10),
          outcome: 'approved',
          implementationDeadline: days(w, 120).slice(0, 10),
          regulationIds: [id],
        }),
      201,
    );
    w.clock.advance(130 * DAY_MS);
    await sweep(w);

    await w.t.app.get(RelayService).relayAll();
    await w.t.app.get(DeliveryService).deliverAllDue();

    const mine = receiver.received.filter((r) => r.json.data.regulationId === id);
    const types = new Set(mine.map((r) => r.json.type));
    for (const type of EVENT_TYPES) expect([type, types.has(type)]).toEqual([type, true]);
    const verifier = new Webhook(hook.secret);
    for (const r of mine) verifier.verify(r.body, r.headers);

    // Per record: transitions arrive in version order, and the feed has the same events.
    const versions = mine
      .filter((r) => r.json.type === 'regulation.transitioned')
      .map((r) => r.json.data.version as number);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    const estimate = mine.find((r) => r.json.type === 'estimate.changed')!.json.data;
    expect(estimate).toMatchObject({ kind: 'baseline', source: 'manual', version: 1 });
    expect(typeof estimate.annualCost).toBe('string');
    const decision = mine.find((r) => r.json.type === 'decision.recorded')!.json.data;
    expect(decision).toMatchObject({ decisionNumber: '1661/QĐ-TTg', outcome: 'approved' });

    const feed = expectStatus(
      await w.t.http.get('/changes?limit=500').set('Authorization', w.gov.auth),
      200,
    );
    const feedIds = feed.items
      .filter((e: { data: { regulationId?: string } }) => e.data.regulationId === id)
      .map((e: { id: string }) => e.id);
    expect(feedIds).toEqual(mine.map((r) => r.json.id));

    // The association sees the public events only, in their public form (no review notes).
    const pub = expectStatus(
      await w.t.http.get('/changes?limit=500').set('Authorization', w.association.auth),
      200,
    );
    const pubTypes = new Set(pub.items.map((e: { type: string }) => e.type));
    expect(pubTypes.has('feedback.submitted')).toBe(false);
    expect(pubTypes.has('implementation.overdue')).toBe(false);
    expect(pubTypes.has('decision.recorded')).toBe(true);
    for (const e of pub.items) expect(e.data.payload).toBeUndefined();
  });
});
