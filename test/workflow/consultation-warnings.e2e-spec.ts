import {
  createWorld,
  DAY_MS,
  draftRegulation,
  ok,
  openConsultationBody,
  send,
  toDraftingPlan,
  World,
} from './workflow-support';

/**
 * Issue 16: under the default minimum period (30 days), a consultation opened near the end of
 * NQ66 (31 Dec 2026) closes after the programme ends. It still opens, but the officer is told,
 * and the history says so too.
 */
describe('opening a consultation near the end of its programme', () => {
  let w: World;
  beforeAll(async () => {
    w = await createWorld();
  });
  afterAll(() => w.t.close());

  it('opens, with a warning in the answer and in the history entry', async () => {
    w.clock.set('2026-12-10T02:00:00.000Z');
    const id = await draftRegulation(w);
    await toDraftingPlan(w, id);
    const res = await send(w, w.officer, id, openConsultationBody(w, { expertDays: 30 }));
    expect(res.status).toBe(200);
    expect(res.body.stateName).toBe('consultation');
    expect(res.body.warnings).toEqual([
      {
        code: 'consultation_ends_after_programme',
        field: 'associationDeadline',
        message: expect.stringMatching(
          /minimum consultation period \(30 days\) ends after the end of programme NQ66 \(2026-12-31\)/,
        ),
      },
    ]);
    const history = await w.t.http
      .get(`/regulations/${id}/history`)
      .set('Authorization', w.gov.auth);
    const opened = history.body.items.find(
      (e: { event: string }) => e.event === 'OPEN_CONSULTATION',
    );
    expect(opened.payload.warnings).toEqual(res.body.warnings);
  });

  it('says nothing when the consultation ends within the programme', async () => {
    w.clock.set('2026-03-02T02:00:00.000Z');
    const id = await draftRegulation(w);
    await toDraftingPlan(w, id);
    const res = await ok(w, w.officer, id, openConsultationBody(w));
    expect((res as Record<string, unknown>).warnings).toBeUndefined();
  });

  it('warns when the deadlines chosen run past the end, even if the minimum would not', async () => {
    w.clock.set('2026-11-20T02:00:00.000Z');
    const id = await draftRegulation(w);
    await toDraftingPlan(w, id);
    // 20 Nov + 30 days is within the programme, but the expert round was given 60 days.
    expect(w.clock.now().getTime() + 30 * DAY_MS).toBeLessThan(Date.parse('2026-12-31T16:59:59Z'));
    const res = await send(
      w,
      w.officer,
      id,
      openConsultationBody(w, { expertDays: 60, associationDays: 35 }),
    );
    expect(res.status).toBe(200);
    expect(res.body.warnings).toEqual([
      expect.objectContaining({
        code: 'consultation_ends_after_programme',
        field: 'expertDeadline',
        message: expect.stringMatching(/it closes after the end of programme NQ66/),
      }),
    ]);
  });
});
