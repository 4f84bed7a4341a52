import { Client } from 'pg';
import { Webhook } from 'standardwebhooks';
import { DeliveryService } from '../../src/integration/delivery/delivery.service';
import { IntegrationWorker } from '../../src/integration/delivery/integration-worker';
import { RelayService } from '../../src/integration/delivery/relay.service';
import { createAgency, createApiKey, createRegulation, createUser } from '../support/factories';
import { createTestApp } from '../support/test-app';
import { createWorld, ok, toDraftingPlan, World } from '../workflow/workflow-support';
import { Receiver } from './receiver';

// Short timeout (not 10 s) and no automatic polling: the test drives relay and delivery itself.
const ENV = {
  WEBHOOK_TIMEOUT_MS: '300',
  WEBHOOK_POLL_INTERVAL_MS: '3600000',
  WEBHOOK_DISABLE_AFTER_DAYS: '1',
};

describe('webhooks and the change feed (issue 13)', () => {
  let w: World;
  let receiver: Receiver;
  let relay: RelayService;
  let delivery: DeliveryService;

  beforeAll(async () => {
    w = await createWorld({ env: ENV });
    relay = w.t.app.get(RelayService);
    delivery = w.t.app.get(DeliveryService);
    receiver = await new Receiver().start();
  });
  afterAll(async () => {
    await receiver.stop();
    await w.t.close();
  });

  // Each test counts the deliveries of its own hooks.
  afterEach(async () => {
    await w.t.dataSource.query(`DELETE FROM webhook_subscription`);
    receiver.status = 200;
    receiver.delayMs = 0;
  });

  const flush = async () => {
    await relay.relayAll();
    await delivery.deliverAllDue();
  };

  async function register(who = w.admin, body: Record<string, unknown> = {}) {
    const res = await w.t.http
      .post('/webhooks')
      .set('Authorization', who.auth)
      .send({ url: receiver.url, events: ['*'], ...body });
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
    return res.body as { id: string; secret: string; agencyId: string | null };
  }

  it('lets admin, gov_office and a ministry lead (own agency only) register; others 403', async () => {
    const hook = await register(w.admin, { description: 'NGSP' });
    expect(hook.secret).toMatch(/^whsec_[A-Za-z0-9+/]{40,}={0,2}$/);
    expect(Buffer.from(hook.secret.slice(6), 'base64').length).toBeGreaterThanOrEqual(24);
    await register(w.gov);
    const own = await register(w.lead, { agencyId: w.ministry.id });
    expect(own.agencyId).toBe(w.ministry.id);

    for (const [who, body] of [
      [w.lead, {}],
      [w.lead, { agencyId: w.otherLead.agencyId }],
      [w.officer, { agencyId: w.ministry.id }],
      [w.association, {}],
      [w.expert, {}],
    ] as const) {
      const res = await w.t.http
        .post('/webhooks')
        .set('Authorization', who.auth)
        .send({ url: receiver.url, events: ['*'], ...body });
      expect(res.status).toBe(403);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
    }
    expect(
      (await w.t.http.post('/webhooks').send({ url: receiver.url, events: ['*'] })).status,
    ).toBe(401);

    // The secret is never readable again; a lead sees only their agency's hooks.
    const list = await w.t.http.get('/webhooks').set('Authorization', w.admin.auth);
    expect(list.status).toBe(200);
    expect(JSON.stringify(list.body)).not.toContain('whsec_');
    expect(JSON.stringify(list.body)).not.toContain('secret_enc');
    const one = await w.t.http.get(`/webhooks/${hook.id}`).set('Authorization', w.admin.auth);
    expect(one.body.secret).toBeUndefined();
    const leads = await w.t.http.get('/webhooks').set('Authorization', w.lead.auth);
    expect(leads.body.items.map((h: { id: string }) => h.id)).toEqual([own.id]);
    expect(
      (await w.t.http.get(`/webhooks/${hook.id}`).set('Authorization', w.lead.auth)).status,
    ).toBe(404);
    const [stored] = await w.t.dataSource.query(
      `SELECT secret_enc FROM webhook_subscription WHERE id = $1`,
      [hook.id],
    );
    expect(stored.secret_enc).not.toContain(hook.secret.slice(6, 20));

    // Clean up: later tests count deliveries per hook.
    for (const id of (list.body.items as Array<{ id: string }>).map((h) => h.id)) {
      expect(
        (await w.t.http.delete(`/webhooks/${id}`).set('Authorization', w.admin.auth)).status,
      ).toBe(204);
    }
  });

  it('refuses a non-http(s) url or unknown events, naming the field', async () => {
    for (const [body, field] of [
      [{ url: 'ftp://example.org/x', events: ['*'] }, 'url'],
      [{ url: 'not a url', events: ['*'] }, 'url'],
      [{ url: 'https://example.org/x', events: ['regulation.exploded'] }, 'events'],
      [{ url: 'https://example.org/x', events: [] }, 'events'],
    ] as const) {
      const res = await w.t.http.post('/webhooks').set('Authorization', w.admin.auth).send(body);
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
  });

  it('delivers signed events in order per record, verified by the standardwebhooks package', async () => {
    const hook = await register();
    receiver.received.length = 0;
    const id = (await createRegulation(w.t, w.ministry.id)).id;
    await toDraftingPlan(w, id);
    await flush();
    const mine = receiver.received.filter((r) => r.json.data.regulationId === id);
    expect(mine.map((r) => `${r.json.type}:${String(r.json.data.event ?? '')}`)).toEqual([
      'regulation.created:',
      'regulation.transitioned:SUBMIT_FOR_REVIEW',
      'regulation.transitioned:COMPLETE_REVIEW',
      'regulation.transitioned:CONFIRM_BASELINE',
    ]);
    const verifier = new Webhook(hook.secret);
    for (const r of mine) {
      expect(() => verifier.verify(r.body, r.headers)).not.toThrow();
      expect(r.headers['webhook-id']).toBe(r.json.id);
    }
    const submit = mine[1].json.data;
    expect(submit).toMatchObject({
      fromState: 'draft',
      toState: 'review',
      actorRole: 'ministry_officer',
      agencyId: w.ministry.id,
    });
    expect(() =>
      new Webhook('whsec_' + Buffer.alloc(32, 7).toString('base64')).verify(
        mine[0].body,
        mine[0].headers,
      ),
    ).toThrow();

    // The same events are in the feed, in the same order.
    const feed = await w.t.http.get('/changes?limit=500').set('Authorization', w.gov.auth);
    expect(feed.status).toBe(200);
    const ids = feed.body.items.map((e: { id: string }) => e.id);
    const positions = mine.map((r) => ids.indexOf(r.json.id));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    await w.t.http.delete(`/webhooks/${hook.id}`).set('Authorization', w.admin.auth);
  });

  it('retries a 500 and a timeout with backoff, keeps the webhook-id, and never sends a newer event of the record first', async () => {
    const hook = await register();
    receiver.received.length = 0;
    receiver.status = 500;
    const id = (await createRegulation(w.t, w.ministry.id)).id;
    await relay.relayAll();
    await ok(w, w.officer, id, { type: 'SUBMIT_FOR_REVIEW' });
    await flush();
    const page = async () =>
      (await w.t.http.get(`/webhooks/${hook.id}/deliveries`).set('Authorization', w.admin.auth))
        .body;
    let body = await page();
    // created failed once; transitioned waits behind it (never attempted).
    const created = body.items.find((d: { type: string }) => d.type === 'regulation.created');
    const transitioned = body.items.find(
      (d: { type: string }) => d.type === 'regulation.transitioned',
    );
    expect(created).toMatchObject({ status: 'pending', attempts: 1 });
    expect(created.attemptLog[0]).toMatchObject({ statusCode: 500 });
    expect(transitioned).toMatchObject({ status: 'pending', attempts: 0 });
    expect(new Date(created.nextAttemptAt).getTime() - w.clock.now().getTime()).toBeLessThanOrEqual(
      30_000,
    );

    // Not due yet: nothing is sent.
    await delivery.deliverAllDue();
    expect((await page()).items.find((d: { id: string }) => d.id === created.id).attempts).toBe(1);

    // Slow answers time out (300 ms in this test instead of 10 s).
    receiver.status = 200;
    receiver.delayMs = 1000;
    w.clock.advance(5_000);
    await delivery.deliverAllDue();
    body = await page();
    const afterSlow = body.items.find((d: { id: string }) => d.id === created.id);
    expect(afterSlow.attempts).toBe(2);
    expect(afterSlow.attemptLog[1].error).toMatch(/timeout/);

    receiver.delayMs = 0;
    w.clock.advance(5 * 60_000);
    await delivery.deliverAllDue();
    await delivery.deliverAllDue();
    body = await page();
    expect(body.items.map((d: { status: string }) => d.status)).toEqual(['delivered', 'delivered']);
    const got = receiver.received.filter((r) => r.json.data.regulationId === id);
    expect(got.map((r) => r.json.type)).toEqual(['regulation.created', 'regulation.transitioned']);
    expect(got[0].headers['webhook-id']).toBe(created.eventId);
    await w.t.http.delete(`/webhooks/${hook.id}`).set('Authorization', w.admin.auth);
  });

  it('marks a delivery failed after the schedule (≥ 24 h) and disables a hook failing for days, with an audit entry', async () => {
    const hook = await register();
    const down = new Receiver();
    await down.start();
    const url = down.url;
    await down.stop(); // connection refused from now on
    expect(
      (
        await w.t.http
          .patch(`/webhooks/${hook.id}`)
          .set('Authorization', w.admin.auth)
          .send({ url })
      ).status,
    ).toBe(200);
    const start = w.clock.now().getTime();
    await createRegulation(w.t, w.ministry.id);
    await relay.relayAll();
    // Follow the schedule: move the clock to each next attempt.
    for (let i = 0; i < 12; i++) {
      await delivery.deliverAllDue();
      const [row] = await w.t.dataSource.query(
        `SELECT status, next_attempt_at FROM webhook_delivery WHERE subscription_id = $1`,
        [hook.id],
      );
      if (row.status !== 'pending') break;
      w.clock.set(row.next_attempt_at);
    }
    const body = (
      await w.t.http.get(`/webhooks/${hook.id}/deliveries`).set('Authorization', w.admin.auth)
    ).body;
    const d = body.items[0];
    expect(d.status).toBe('failed');
    expect(d.attempts).toBe(8);
    const times = d.attemptLog.map((a: { at: string }) => new Date(a.at).getTime());
    expect(times[times.length - 1] - times[0]).toBeGreaterThanOrEqual(24 * 3_600_000);
    expect(d.attemptLog[0].error).toMatch(/ECONNREFUSED|refused|connect/i);
    const h = (await w.t.http.get(`/webhooks/${hook.id}`).set('Authorization', w.admin.auth)).body;
    expect(h.active).toBe(false);
    expect(h.disabledReason).toMatch(/failed since/);
    const audit = await w.t.http
      .get(`/admin/audit-log?entityType=webhook&entityId=${hook.id}`)
      .set('Authorization', w.admin.auth);
    expect(audit.body.items.map((a: { action: string }) => a.action)).toContain('webhook.disabled');
    expect(w.clock.now().getTime() - start).toBeGreaterThan(24 * 3_600_000);

    // A manual retry after fixing the receiver: re-enable, retry, delivered.
    await w.t.http
      .patch(`/webhooks/${hook.id}`)
      .set('Authorization', w.admin.auth)
      .send({ url: receiver.url, active: true });
    const retry = await w.t.http
      .post(`/webhooks/${hook.id}/deliveries/${d.id}/retry`)
      .set('Authorization', w.admin.auth);
    expect(retry.status).toBe(202);
    await delivery.deliverAllDue();
    const again = (
      await w.t.http.get(`/webhooks/${hook.id}/deliveries`).set('Authorization', w.admin.auth)
    ).body;
    expect(again.items[0].status).toBe('delivered');
    await w.t.http.delete(`/webhooks/${hook.id}`).set('Authorization', w.admin.auth);
  });

  it('signs with both secrets after a rotation, and pings', async () => {
    const hook = await register();
    const rotated = await w.t.http
      .post(`/webhooks/${hook.id}/rotate-secret`)
      .set('Authorization', w.admin.auth);
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(hook.secret);
    receiver.received.length = 0;
    const ping = await w.t.http
      .post(`/webhooks/${hook.id}/ping`)
      .set('Authorization', w.admin.auth);
    expect(ping.status).toBe(202);
    await delivery.deliverAllDue();
    const r = receiver.received.find((x) => x.json.id === ping.body.eventId)!;
    expect(r.json.type).toBe('webhook.ping');
    expect(r.headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(() => new Webhook(hook.secret).verify(r.body, r.headers)).not.toThrow();
    expect(() => new Webhook(rotated.body.secret).verify(r.body, r.headers)).not.toThrow();
    await w.t.http.delete(`/webhooks/${hook.id}`).set('Authorization', w.admin.auth);
  });

  it("an agency-limited hook gets only its agency's records; the feed hides what the caller may not see", async () => {
    const hook = await register(w.lead, { agencyId: w.ministry.id });
    receiver.received.length = 0;
    const mine = (await createRegulation(w.t, w.ministry.id)).id;
    const theirs = (await createRegulation(w.t, w.otherLead.agencyId)).id;
    await flush();
    const seen = receiver.received.map((r) => r.json.data.regulationId);
    expect(seen).toContain(mine);
    expect(seen).not.toContain(theirs);

    // Drafts are not public: the association and the other agency do not see them.
    const forAssociation = await w.t.http
      .get('/changes?limit=500')
      .set('Authorization', w.association.auth);
    expect(
      forAssociation.body.items.map((e: { data: { regulationId: string } }) => e.data.regulationId),
    ).not.toContain(mine);
    const forOther = await w.t.http
      .get('/changes?limit=500')
      .set('Authorization', w.otherOfficer.auth);
    const otherSees = forOther.body.items.map(
      (e: { data: { regulationId: string } }) => e.data.regulationId,
    );
    expect(otherSees).toContain(theirs);
    expect(otherSees).not.toContain(mine);
    const key = await createApiKey(w.t, w.ministry.id, 'read');
    const byKey = await w.t.http
      .get('/changes?limit=500&types=regulation.created')
      .set('X-Api-Key', key);
    expect(byKey.status).toBe(200);
    expect(
      byKey.body.items.map((e: { data: { regulationId: string } }) => e.data.regulationId),
    ).toContain(mine);
    expect((await w.t.http.get('/changes')).status).toBe(401);
    const bad = await w.t.http.get('/changes?types=nope').set('Authorization', w.gov.auth);
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('types');
    await w.t.http.delete(`/webhooks/${hook.id}`).set('Authorization', w.lead.auth);
  });

  it('the feed has no gap when writers commit out of order', async () => {
    const head = Number(
      (await w.t.http.get('/changes?limit=500').set('Authorization', w.gov.auth)).body.nextCursor,
    );
    const agency = await createAgency(w.t, 'ministry');
    const a = new Client({ connectionString: w.t.database.url });
    const b = new Client({ connectionString: w.t.database.url });
    await a.connect();
    await b.connect();
    try {
      const first = (await createRegulation(w.t, agency.id)).id;
      await relay.relayAll();
      // A takes the lower outbox id but commits last.
      await a.query('BEGIN');
      await a.query(
        `INSERT INTO integration_outbox (topic, regulation_id, payload) VALUES ('regulation.created', $1::uuid, jsonb_build_object('regulationId', $3::text, 'agencyId', $2::text))`,
        [first, agency.id, first],
      );
      await b.query(
        `INSERT INTO integration_outbox (topic, regulation_id, payload) VALUES ('regulation.created', $1::uuid, jsonb_build_object('regulationId', $3::text, 'agencyId', $2::text))`,
        [first, agency.id, first],
      );
      await relay.relayAll();
      const page1 = (await w.t.http.get(`/changes?after=${head}`).set('Authorization', w.gov.auth))
        .body;
      await a.query('COMMIT');
      await relay.relayAll();
      const page2 = (
        await w.t.http.get(`/changes?after=${page1.nextCursor}`).set('Authorization', w.gov.auth)
      ).body;
      const seqs = [...page1.items, ...page2.items].map((e: { seq: number }) => e.seq);
      expect(seqs).toEqual(seqs.map((_, i) => head + 1 + i));
      expect(page2.items).toHaveLength(1);
    } finally {
      await a.end();
      await b.end();
    }
  });

  it('concurrent writers and two sequencers: every event once, gap-free, while a reader pages', async () => {
    const start = Number(
      (await w.t.http.get('/changes?limit=500').set('Authorization', w.gov.auth)).body.nextCursor,
    );
    const relay2App = await createTestApp({ database: w.t.database, env: ENV, clock: w.clock });
    const relay2 = relay2App.app.get(RelayService);
    const collected: number[] = [];
    let cursor = String(start);
    let writing = true;
    const reader = (async () => {
      for (;;) {
        const done = !writing;
        const res = await w.t.http
          .get(`/changes?after=${cursor}&limit=7`)
          .set('Authorization', w.gov.auth);
        collected.push(...res.body.items.map((e: { seq: number }) => e.seq));
        cursor = res.body.nextCursor;
        if (done && res.body.items.length === 0) return;
      }
    })();
    const writers = Array.from({ length: 8 }, async () => {
      for (let i = 0; i < 5; i++) await createRegulation(w.t, w.ministry.id);
    });
    const sequencers = [relay, relay2].map(async (r) => {
      for (let i = 0; i < 20; i++) await r.relayAll();
    });
    await Promise.all([...writers, ...sequencers]);
    await relay.relayAll();
    writing = false;
    await reader;
    await relay2App.close({ keepDatabase: true });
    const [{ n }] = await w.t.dataSource.query(
      `SELECT count(*)::int AS n FROM integration_event WHERE seq > $1`,
      [start],
    );
    expect(n).toBeGreaterThanOrEqual(40);
    expect(collected).toEqual(Array.from({ length: n }, (_, i) => start + 1 + i));
    const [{ pending }] = await w.t.dataSource.query(
      `SELECT count(*)::int AS pending FROM integration_outbox WHERE dispatched_at IS NULL`,
    );
    expect(pending).toBe(0);
  });

  it('two workers deliver each row once', async () => {
    const hook = await register();
    receiver.received.length = 0;
    const other = await createTestApp({
      database: w.t.database,
      env: ENV,
      clock: w.clock,
    });
    const delivery2 = other.app.get(DeliveryService);
    for (let i = 0; i < 20; i++) await createRegulation(w.t, w.ministry.id);
    await relay.relayAll();
    await Promise.all([
      delivery.deliverAllDue(),
      delivery2.deliverAllDue(),
      delivery.deliverAllDue(),
    ]);
    await other.close({ keepDatabase: true });
    const ids = receiver.received.map((r) => r.headers['webhook-id']);
    expect(ids).toHaveLength(20);
    expect(new Set(ids).size).toBe(20);
    await w.t.http.delete(`/webhooks/${hook.id}`).set('Authorization', w.admin.auth);
  });

  it('prunes old idempotency records and dispatched outbox rows', async () => {
    w.clock.advance(40 * 86_400_000);
    const pruned = await w.t.app.get(IntegrationWorker).prune();
    expect(pruned.outboxRows).toBeGreaterThan(0);
    const [{ n }] = await w.t.dataSource.query(
      `SELECT count(*)::int AS n FROM integration_outbox WHERE dispatched_at IS NOT NULL`,
    );
    expect(n).toBe(0);
  });
});

describe('SSRF: private targets refused without WEBHOOK_ALLOW_PRIVATE', () => {
  it('refuses loopback urls at registration and at delivery', async () => {
    const t = await createTestApp({ env: { ...ENV, WEBHOOK_ALLOW_PRIVATE: 'false' } });
    try {
      const admin = await createUser(t, 'admin');
      for (const url of [
        'http://127.0.0.1:9/x',
        'http://localhost/x',
        'http://[::1]/x',
        'http://10.1.2.3/x',
        'http://169.254.169.254/latest',
      ]) {
        const res = await t.http
          .post('/webhooks')
          .set('Authorization', admin.auth)
          .send({ url, events: ['*'] });
        expect(res.status).toBe(400);
        expect(res.body.errors[0].field).toBe('url');
      }
      const { HttpSender } = await import('../../src/integration/delivery/http-sender');
      const sender = t.app.get(HttpSender);
      const r = await sender.post('http://127.0.0.1:9/x', {}, '{}');
      expect(r.error).toMatch(/refused/);
      const viaName = await sender.post('http://localhost:9/x', {}, '{}');
      expect(viaName.error).toMatch(/refused|private/);
    } finally {
      await t.close();
    }
  });
});
