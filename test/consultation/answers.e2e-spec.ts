import { Workbook } from 'exceljs';
import { randomUUID } from 'node:crypto';
import { STATE_LABELS } from '../../src/common/i18n/labels';
import { createApiKey } from '../support/factories';
import {
  closeRoundsByDeadline,
  Consultation,
  createWorld,
  expectStatus,
  giveFeedback,
  openConsultation,
  outbox,
  planReady,
  respond,
  send,
  stateName,
  World,
} from './consultation-support';

/** Supertest collects a binary body into a Buffer only when told to. */
const binary = (res: any, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

/**
 * Tiếp thu, giải trình: answers while responding, re-estimates through the estimate write path,
 * corrections, the submission guard, publication, the evidence summary and the report. Figures
 * are those of the worked example (domain.md §4): baseline 23,231,250,000, proposed
 * 3,865,909,091, savings 19,365,340,909 (83.36%).
 */
describe('answers to consultation feedback (tiếp thu, giải trình)', () => {
  let w: World;
  let c: Consultation;
  const ids: Record<'A' | 'B' | 'C' | 'D' | 'E' | 'F', string> = {} as any;

  const detail = async (who: { auth: string } | null = null) => {
    const req = w.t.http.get(`/regulations/${c.regulationId}`);
    return expectStatus(await (who ? req.set('Authorization', who.auth) : req), 200);
  };

  beforeAll(async () => {
    // These cases assert the English texts of the guards and validators (Vietnamese is the default).
    w = await createWorld({ acceptLanguage: 'en' });
    c = await openConsultation(
      w,
      await planReady(w, 'Thủ tục cấp giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm'),
    );
    const item = async (who: keyof World, round: keyof Consultation, body: object) => {
      w.clock.advance(60_000);
      return expectStatus(await giveFeedback(w, w[who] as any, c[round], body), 201).id as string;
    };
    ids.A = await item('association', 'associationRound', {
      content: 'Chuẩn bị hồ sơ thực tế mất 10 giờ, không phải 8 giờ.',
      target: { kind: 'cost_field', estimate: 'baseline', field: 'activities[0].hours' },
      evidence: { subjects: 3200, frequencyPerYear: 1, hours: 10, note: 'Khảo sát 120 hội viên' },
    });
    ids.B = await item('association2', 'associationRound', {
      content: 'Lệ phí đề xuất vẫn cao.',
      target: { kind: 'cost_field', estimate: 'proposed', field: 'feesAndCharges' },
      evidence: { subjects: '1800', hours: '12.5', amount: '300000' },
    });
    ids.C = await item('expert', 'expertRound', {
      content: 'Nên bãi bỏ hẳn yêu cầu xác nhận.',
      target: { kind: 'plan' },
    });
    ids.D = await item('expert2', 'expertRound', { content: 'Đồng ý với phương án.' });
    ids.E = await item('association', 'associationRound', {
      content: 'Nộp trực tuyến vẫn mất 5 giờ chuẩn bị.',
      target: { kind: 'cost_field', estimate: 'proposed', field: 'activities[0].hours' },
    });
    ids.F = await item('association', 'associationRound', {
      content: 'Lệ phí nên là 250.000 đồng.',
      target: { kind: 'cost_field', estimate: 'proposed', field: 'feesAndCharges' },
    });
  });
  afterAll(() => w.t.close());

  it('shows the public no aggregate of fewer than 3 unpublished items', async () => {
    const d = await detail();
    expect(d.evidenceSummary).toMatchObject({
      items: 6,
      associationItemsWithEvidence: 2,
      associationEvidenceOver: 'published',
      associationEvidence: {
        subjects: { reports: 0, sum: null, median: null, baselineSubjectsPerYear: '12000' },
        hours: { reports: 0, min: null, max: null },
        amount: { reports: 0, median: null },
      },
    });
  });

  it('summarises the associations’ evidence next to the estimates in the regulation view', async () => {
    const d = await detail(w.officer);
    expect(d.evidenceSummary).toMatchObject({
      associationEvidenceOver: 'all',
      cycle: 1,
      items: 6,
      associationItems: 4,
      expertItems: 2,
      answered: 0,
      unanswered: 6,
      associationItemsWithEvidence: 2,
      associationEvidence: {
        subjects: {
          reports: 2,
          sum: '5000',
          max: '3200',
          median: '2500',
          baselineSubjectsPerYear: '12000',
        },
        hours: {
          reports: 2,
          median: '11.25',
          min: '10',
          max: '12.5',
          baseline: '11',
          proposed: '4',
        },
        amount: { reports: 1, median: '300000', baseline: '1600000', proposed: '200000' },
      },
    });
  });

  it('takes no answer before the rounds have closed', async () => {
    const res = await respond(w, w.officer, ids.D, {
      disposition: 'accepted',
      explanation: 'Cảm ơn',
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ stateName: 'consultation', allowedStates: ['responding'] });
  });

  it('refuses the submission while items are unanswered (422) and lists them', async () => {
    await closeRoundsByDeadline(w);
    expect(await stateName(w, c.regulationId)).toBe('responding');
    const res = await send(w, w.lead, c.regulationId, { type: 'SUBMIT_TO_GOVERNMENT_OFFICE' });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ guard: 'allFeedbackAnswered' });
    expect(res.body.detail).toMatch(/\(6 unanswered\)/);
    // The 422 itself names the unanswered items.
    expect([...res.body.unansweredFeedbackIds].sort()).toEqual(
      [ids.A, ids.B, ids.C, ids.D, ids.E, ids.F].sort(),
    );
    const unanswered = expectStatus(
      await w.t.http
        .get(`/regulations/${c.regulationId}/feedback?unanswered=true`)
        .set('Authorization', w.lead.auth),
      200,
    );
    expect(unanswered.items.map((i: { id: string }) => i.id)).toEqual([
      ids.A,
      ids.B,
      ids.C,
      ids.D,
      ids.E,
      ids.F,
    ]);
  });

  it('lets only the owning agency answer', async () => {
    const body = { disposition: 'rejected', explanation: 'Không phù hợp' };
    expect((await respond(w, w.otherOfficer, ids.D, body)).status).toBe(404);
    expect((await respond(w, w.gov, ids.D, body)).status).toBe(403);
    expect((await respond(w, w.association, ids.A, body)).status).toBe(403);
    expect((await respond(w, w.officer, randomUUID(), body)).status).toBe(404);
    const readOnly = await createApiKey(w.t, w.ministry.id, 'read');
    const viaKey = await w.t.http
      .post(`/feedback/${ids.D}/response`)
      .set('X-Api-Key', readOnly)
      .send(body);
    expect(viaKey.status).toBe(403);
  });

  it('requires an explanation, and the re-estimated value when accepting a cost-field item', async () => {
    const missing = await respond(w, w.officer, ids.A, {
      disposition: 'accepted',
      explanation: 'Tiếp thu',
    });
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0].field).toBe('reEstimate.value');
    const noExplanation = await respond(w, w.officer, ids.D, { disposition: 'rejected' });
    expect(noExplanation.body.errors).toEqual([{ field: 'explanation', message: 'is required' }]);
    const notANumber = await respond(w, w.officer, ids.A, {
      disposition: 'accepted',
      explanation: 'Tiếp thu',
      reEstimate: { value: '10 giờ' },
    });
    expect(notANumber.status).toBe(400);
    expect(notANumber.body.errors[0].field).toBe('reEstimate.value');
    const negative = await respond(w, w.officer, ids.A, {
      disposition: 'accepted',
      explanation: 'Tiếp thu',
      reEstimate: { value: -1 },
    });
    expect(negative.body.errors[0]).toMatchObject({ field: 'reEstimate.value' });
    const withRejection = await respond(w, w.officer, ids.B, {
      disposition: 'rejected',
      explanation: 'Giữ nguyên',
      reEstimate: { value: 250000 },
    });
    expect(withRejection.body.errors[0].field).toBe('reEstimate');
    const onPlan = await respond(w, w.officer, ids.C, {
      disposition: 'accepted',
      explanation: 'Tiếp thu',
      reEstimate: { value: 1 },
    });
    expect(onPlan.body.errors[0].field).toBe('reEstimate');
    // Nothing was answered or re-estimated by the refused requests.
    expect((await detail(w.officer)).evidenceSummary.answered).toBe(0);
  });

  it('turns an accepted cost-field item into a new estimate version and changes the savings', async () => {
    expect(await detail()).toMatchObject({
      baselineCost: '23231250000',
      savings: '19365340909',
      reductionPct: 83.36,
    });
    const res = await respond(w, w.officer, ids.A, {
      disposition: 'accepted',
      explanation: 'Tiếp thu: điều chỉnh theo khảo sát của Hiệp hội.',
      reEstimate: { value: 10 },
    });
    const item = expectStatus(res, 200);
    expect(item.answer).toMatchObject({
      disposition: 'accepted',
      version: 1,
      reEstimate: { value: '10' },
      answeredBy: { id: w.officer.id, kind: 'user' },
      costEffect: {
        estimate: 'baseline',
        field: 'activities[0].hours',
        valueBefore: '8',
        valueAfter: '10',
        estimateVersionBefore: 1,
        estimateVersionAfter: 2,
        annualCostBefore: '23231250000',
        annualCostAfter: '23964204545',
        savingsBefore: '19365340909',
        savingsAfter: '20098295455',
        savingsChange: '732954545',
        reductionPctBefore: 83.36,
        reductionPctAfter: 83.87,
      },
    });
    expect(await detail()).toMatchObject({
      baselineCost: '23964204545',
      proposedCost: '3865909091',
      savings: '20098295455',
      reductionPct: 83.87,
    });
    const history = expectStatus(
      await w.t.http
        .get(`/regulations/${c.regulationId}/cost-estimates/history?kind=baseline`)
        .set('Authorization', w.officer.auth),
      200,
    ).items;
    expect(history.map((h: any) => [h.version, h.source])).toEqual([
      [1, 'manual'],
      [2, 'feedback'],
    ]);
    expect(history[1]).toMatchObject({ feedbackId: ids.A, changedBy: w.officer.id });
    expect(history[1].reason).toContain('Chuẩn bị hồ sơ thực tế mất 10 giờ');
    expect(history[1].inputs.activities[0].hours).toBe('10');
  });

  it('keeps every version of a corrected answer, re-estimating again or restoring the figure', async () => {
    const corrected = expectStatus(
      await respond(w, w.lead, ids.A, {
        disposition: 'partially_accepted',
        explanation: 'Tiếp thu một phần: 9 giờ theo số liệu của Bộ.',
        reEstimate: { value: '9' },
      }),
      200,
    );
    expect(corrected.answer).toMatchObject({
      disposition: 'partially_accepted',
      version: 2,
      reEstimate: { value: '9' },
      answeredBy: { id: w.lead.id },
      // From before the item's first re-estimate to after its latest one.
      costEffect: {
        valueBefore: '8',
        valueAfter: '9',
        estimateVersionBefore: 1,
        estimateVersionAfter: 3,
        annualCostAfter: '23597727273',
        savingsAfter: '19731818182',
        savingsChange: '366477273',
      },
    });
    // Rejecting withdraws the re-estimate: the field gets its value from before the item back.
    const rejected = expectStatus(
      await respond(w, w.officer, ids.A, {
        disposition: 'rejected',
        explanation: 'Không tiếp thu: số liệu khảo sát chưa đại diện.',
      }),
      200,
    );
    expect(rejected.answer).toMatchObject({ version: 3, reEstimate: null, costEffect: null });
    expect(await detail()).toMatchObject({ baselineCost: '23231250000', savings: '19365340909' });
    // An answer sent again unchanged changes no estimate.
    const again = expectStatus(
      await respond(w, w.officer, ids.A, {
        disposition: 'accepted',
        explanation: 'Tiếp thu sau khi họp với Hiệp hội.',
        reEstimate: { value: 10 },
      }),
      200,
    );
    expect(again.answer.costEffect).toMatchObject({
      valueBefore: '8',
      valueAfter: '10',
      estimateVersionAfter: 5,
    });
    const same = expectStatus(
      await respond(w, w.officer, ids.A, {
        disposition: 'accepted',
        explanation: 'Tiếp thu (sửa câu chữ).',
        reEstimate: { value: '10.0' },
      }),
      200,
    );
    expect(same.answer).toMatchObject({ version: 5, costEffect: { estimateVersionAfter: 5 } });
    const versions = await w.t.dataSource.query(
      `SELECT version, disposition, re_estimate_value, estimate_write IS NOT NULL AS wrote
         FROM feedback_response_history WHERE feedback_id = $1 ORDER BY version`,
      [ids.A],
    );
    expect(versions).toEqual([
      { version: 1, disposition: 'accepted', re_estimate_value: '10', wrote: true },
      { version: 2, disposition: 'partially_accepted', re_estimate_value: '9', wrote: true },
      { version: 3, disposition: 'rejected', re_estimate_value: null, wrote: true },
      { version: 4, disposition: 'accepted', re_estimate_value: '10', wrote: true },
      { version: 5, disposition: 'accepted', re_estimate_value: '10', wrote: false },
    ]);
    expect(await detail()).toMatchObject({ baselineCost: '23964204545', savings: '20098295455' });
  });

  it('applies concurrent answers re-estimating one estimate without losing either', async () => {
    const [e, f] = await Promise.all([
      respond(w, w.officer, ids.E, {
        disposition: 'accepted',
        explanation: 'Tiếp thu',
        reEstimate: { value: 5 },
      }),
      respond(w, w.lead, ids.F, {
        disposition: 'accepted',
        explanation: 'Tiếp thu',
        reEstimate: { value: '250000' },
      }),
    ]);
    expect([e.status, f.status]).toEqual([200, 200]);
    const costs = expectStatus(
      await w.t.http
        .get(`/regulations/${c.regulationId}/cost-estimates`)
        .set('Authorization', w.officer.auth),
      200,
    );
    expect(costs.proposed).toMatchObject({
      version: 3,
      feesAndCharges: '250000',
      annualCost: '5198863636',
    });
    expect(costs.proposed.activities[0].hours).toBe('5');
  });

  it('answers the other items: partial acceptance without a figure, the plan, and by an API key', async () => {
    const b = expectStatus(
      await respond(w, w.officer, ids.B, {
        disposition: 'partially_accepted',
        explanation: 'Sẽ xem xét giảm lệ phí khi sửa Thông tư.',
      }),
      200,
    );
    expect(b.answer).toMatchObject({ reEstimate: null, costEffect: null });
    expectStatus(
      await respond(w, w.officer, ids.C, {
        disposition: 'rejected',
        explanation: 'Yêu cầu xác nhận vẫn cần thiết cho an toàn thực phẩm.',
      }),
      200,
    );
    const key = await createApiKey(w.t, w.ministry.id, 'write');
    const idempotencyKey = randomUUID();
    const viaKey = await w.t.http
      .post(`/feedback/${ids.D}/response`)
      .set('X-Api-Key', key)
      .set('Idempotency-Key', idempotencyKey)
      .send({ disposition: 'accepted', explanation: 'Cảm ơn ý kiến.' });
    expect(expectStatus(viaKey, 200).answer).toMatchObject({
      version: 1,
      answeredBy: { kind: 'api_key', name: 'test key' },
    });
    const replay = await w.t.http
      .post(`/feedback/${ids.D}/response`)
      .set('X-Api-Key', key)
      .set('Idempotency-Key', idempotencyKey)
      .send({ disposition: 'accepted', explanation: 'Cảm ơn ý kiến.' });
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body.answer.version).toBe(1);
  });

  it('shows the answers to their authors before publication, and to no one else', async () => {
    const mine = expectStatus(
      await w.t.http.get('/feedback?mine=true').set('Authorization', w.association.auth),
      200,
    );
    const a = mine.items.find((i: { id: string }) => i.id === ids.A);
    expect(a.answer).toMatchObject({
      disposition: 'accepted',
      explanation: 'Tiếp thu (sửa câu chữ).',
    });
    expect(
      (await w.t.http.get(`/feedback/${ids.A}`).set('Authorization', w.association2.auth)).status,
    ).toBe(404);
    expect(
      expectStatus(await w.t.http.get(`/regulations/${c.regulationId}/feedback`), 200).items,
    ).toEqual([]);
  });

  it('submits once every item is answered, then publishes the answers and freezes them', async () => {
    expectStatus(
      await send(w, w.lead, c.regulationId, { type: 'SUBMIT_TO_GOVERNMENT_OFFICE' }),
      200,
    );
    expect(await stateName(w, c.regulationId)).toBe('government_office_review');
    const published = expectStatus(
      await w.t.http.get(`/regulations/${c.regulationId}/feedback`),
      200,
    );
    expect(published.items).toHaveLength(6);
    expect(published.items.every((i: any) => i.publishedAt !== null && i.answer !== null)).toBe(
      true,
    );
    expect(
      (await w.t.http.get(`/feedback/${ids.B}`).set('Authorization', w.expert.auth)).status,
    ).toBe(200);
    const frozen = await respond(w, w.officer, ids.B, {
      disposition: 'rejected',
      explanation: 'Đổi ý',
    });
    expect(frozen.status).toBe(409);
    expect(frozen.body.type).toBe('urn:regcut:problem:answers-frozen');
    const answers = (await outbox(w, c.regulationId)).filter(
      (e) => e.topic === 'consultation.answer_given',
    );
    // A: 5 versions; B, C, D, E, F: one each (the idempotent replay wrote nothing).
    expect(answers).toHaveLength(10);
    expect(answers.filter((e) => e.feedback_id === ids.A).map((e) => e.payload.corrected)).toEqual([
      false,
      true,
      true,
      true,
      true,
    ]);
  });

  it('reports every item with its answer and the cost effect, as JSON and as a workbook', async () => {
    const report = expectStatus(
      await w.t.http
        .get(`/consultations/${c.expertRound}/report`)
        .set('Authorization', w.officer.auth),
      200,
    );
    expect(report).toMatchObject({
      consultationId: c.expertRound,
      regulation: {
        id: c.regulationId,
        agencyId: w.ministry.id,
        stateName: 'government_office_review',
      },
      cycle: 1,
      summary: {
        items: 6,
        answered: 6,
        unanswered: 0,
        accepted: 4,
        partiallyAccepted: 1,
        rejected: 1,
        withEvidence: 2,
        reEstimates: 3,
      },
      // From before the first re-estimate (19,365,340,909) to after the last.
      costEffect: {
        savingsBefore: '19365340909',
        savingsAfter: '18765340909',
        savingsChange: '-600000000',
      },
      currentCosts: {
        baselineCost: '23964204545',
        proposedCost: '5198863636',
        savings: '18765340909',
      },
    });
    expect(report.rounds.map((r: any) => [r.round, r.items])).toEqual([
      ['expert', 2],
      ['association', 4],
    ]);
    expect(report.items.map((i: { id: string }) => i.id)).toEqual([
      ids.A,
      ids.B,
      ids.C,
      ids.D,
      ids.E,
      ids.F,
    ]);
    expect(report.items[0]).toMatchObject({
      author: { id: w.association.id, role: 'association' },
      evidence: { subjects: '3200', hours: '10' },
      answer: { disposition: 'accepted', costEffect: { savingsChange: '732954545' } },
    });

    for (const who of [w.gov, w.admin, w.lead]) {
      expect(
        (
          await w.t.http
            .get(`/consultations/${c.associationRound}/report`)
            .set('Authorization', who.auth)
        ).status,
      ).toBe(200);
    }
    expect(
      (
        await w.t.http
          .get(`/consultations/${c.expertRound}/report`)
          .set('Authorization', w.otherOfficer.auth)
      ).status,
    ).toBe(403);
    expect(
      (
        await w.t.http
          .get(`/consultations/${c.expertRound}/report`)
          .set('Authorization', w.association.auth)
      ).status,
    ).toBe(403);

    const xlsx = await w.t.http
      .get(`/consultations/${c.associationRound}/report?format=xlsx`)
      .set('Authorization', w.gov.auth)
      .buffer(true)
      .parse(binary);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const wb = new Workbook();
    await wb.xlsx.load(xlsx.body);
    const sheet = wb.getWorksheet('Ý kiến')!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual(
      expect.arrayContaining([
        'STT',
        'Người góp ý',
        'Cơ quan, tổ chức',
        'Thời điểm góp ý',
        'Nội dung góp ý',
        'Đối tượng góp ý',
        'Số đối tượng',
        'Kết quả tiếp thu',
        'Giải trình',
        'Chi phí hằng năm trước (VND)',
        'Chi phí hằng năm sau (VND)',
        'Thay đổi tiết kiệm (VND)',
      ]),
    );
    expect(sheet.rowCount).toBe(7);
    const row = (n: number) => {
      const values = sheet.getRow(n).values as unknown[];
      return Object.fromEntries(headers.map((h, i) => [h as string, values[i + 1]]));
    };
    expect(row(2)).toMatchObject({
      STT: 1,
      'Mã ý kiến': ids.A,
      'Vòng tham vấn': 'Hiệp hội',
      'Nội dung góp ý': 'Chuẩn bị hồ sơ thực tế mất 10 giờ, không phải 8 giờ.',
      // The activity by its name, not its path (issue 16).
      'Đối tượng góp ý': "Ước tính chi phí hiện hành: Hoạt động 'Chuẩn bị hồ sơ' — số giờ",
      'Số đối tượng': '3200',
      'Kết quả tiếp thu': 'Tiếp thu',
      'Giá trị trước ước tính lại': '8',
      'Giá trị ước tính lại': '10',
      'Chi phí hằng năm trước (VND)': 23231250000,
      'Chi phí hằng năm sau (VND)': 23964204545,
      'Thay đổi tiết kiệm (VND)': 732954545,
      'Số lần sửa câu trả lời': 4,
    });
    expect(row(2)['Thời điểm góp ý']).toMatch(/^\d\d\/03\/2026 \d\d:\d\d$/);
    expect(row(5)).toMatchObject({ 'Kết quả tiếp thu': 'Tiếp thu', 'Người trả lời': 'test key' });
    const summary = wb.getWorksheet('Tổng hợp')!;
    const lines = new Map<string, unknown>();
    summary.eachRow((r) => lines.set(String(r.getCell(1).value), r.getCell(2).value));
    expect(lines.get('Tổng số ý kiến')).toBe(6);
    // The state by its Vietnamese label, as the web app shows it (no raw code).
    expect(Object.values(STATE_LABELS)).toContain(lines.get('Trạng thái'));
    expect(lines.get('Chưa trả lời')).toBe(0);
    expect(lines.get('Thay đổi tiết kiệm (VND)')).toBe(-600000000);
  });
});
