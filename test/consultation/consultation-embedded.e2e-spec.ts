import { createHash } from 'node:crypto';
import { buildRegulationWorld, programmeBody, recurringEstimate } from '../support/http-world';
import { EMBEDDED_ADMIN, useEmbeddedService } from '../support/embedded-service';
import { waitFor } from '../support/wait-for';
import { samples } from './sample-files';

/**
 * The consultation on the embedded default (PGlite, in-process jobs), as the built service runs:
 * feedback with an attachment, the expert round closed early, the association round closed by
 * its durable timer, answers with a re-estimate, the submission, publication, the report, and
 * everything still there after a restart. The child runs on the real clock, so the association
 * deadline is seconds away (a programme with no minimum consultation period), not days.
 */
describe('the consultation on the embedded default', () => {
  const embedded = useEmbeddedService('consultation');
  const { call, expectOk, login } = embedded;

  it('runs a consultation from opening to submission, durably', async () => {
    await embedded.start();
    const admin = await login(EMBEDDED_ADMIN.email, EMBEDDED_ADMIN.password);
    const { agency, user } = embedded.people(admin, {
      password: 'consultation-password-1',
      fullName: 'Nguyễn Thị Lan',
    });
    const ministry = await agency('BYT', 'Bộ Y tế', 'ministry');
    const council = await agency('HDTV', 'Hội đồng tư vấn cải cách TTHC', 'other');
    const vcci = await agency(
      'VCCI',
      'Liên đoàn Thương mại và Công nghiệp Việt Nam',
      'association',
    );
    await user('officer@byt.example.vn', 'ministry_officer', ministry);
    await user('lead@byt.example.vn', 'ministry_lead', ministry);
    const expertId = await user('expert@hdtv.example.vn', 'expert', council);
    await user('phaply@vcci.example.vn', 'association', vcci);
    const officer = await login('officer@byt.example.vn', 'consultation-password-1');
    const lead = await login('lead@byt.example.vn', 'consultation-password-1');
    const expert = await login('expert@hdtv.example.vn', 'consultation-password-1');
    const association = await login('phaply@vcci.example.vn', 'consultation-password-1');

    const { parameterSet: set, regulation: reg } = await buildRegulationWorld(embedded.create, {
      admin,
      officer,
      agencyId: ministry,
      programme: programmeBody('PILOT', 'Thí điểm tham vấn rút gọn', 10),
      parameterSet: { year: 2020, annualIncomePerCapita: 64500000 },
      decree: 'foodSafety',
      provision: 'Điều 5',
      title: 'Tự công bố sản phẩm',
    });
    // One request at a time (pglite-socket serialises one connection's queries).
    const send = (body: unknown, token = officer) =>
      call('POST', `/regulations/${reg.id}/events`, token, body);
    expectOk(await send({ type: 'SUBMIT_FOR_REVIEW' }));
    expectOk(
      await send({ type: 'COMPLETE_REVIEW', necessary: true, legal: true, reasonable: false }),
    );
    const estimate = (activities: Array<{ name: string; hours: number }>, fees: number) =>
      recurringEstimate(set.id, activities, fees, 12000);
    expectOk(
      await call(
        'PUT',
        `/regulations/${reg.id}/cost-estimates/baseline`,
        officer,
        estimate([{ name: 'Chuẩn bị hồ sơ', hours: 8 }], 500000),
      ),
    );
    expectOk(await send({ type: 'CONFIRM_BASELINE' }, lead));
    expectOk(
      await call('PUT', `/regulations/${reg.id}/plan`, officer, {
        action: 'simplify',
        description: 'Công bố trực tuyến',
        programme: 'PILOT',
      }),
    );
    expectOk(
      await call(
        'PUT',
        `/regulations/${reg.id}/cost-estimates/proposed`,
        officer,
        estimate([{ name: 'Công bố trực tuyến', hours: 2 }], 0),
      ),
    );
    const deadline = new Date(Date.now() + 8000).toISOString();
    expectOk(
      await send({
        type: 'OPEN_CONSULTATION',
        expertDeadline: deadline,
        associationDeadline: deadline,
        expertIds: [expertId],
      }),
    );
    const rounds = expectOk(await call('GET', `/consultations?regulationId=${reg.id}`)).items;
    const roundOf = (kind: string) => rounds.find((r: any) => r.round === kind).id as string;

    const item = expectOk(
      await call('POST', `/consultations/${roundOf('association')}/feedback`, association, {
        content: 'Chuẩn bị hồ sơ công bố trực tuyến vẫn mất 3 giờ.',
        target: { kind: 'cost_field', estimate: 'proposed', field: 'activities[0].hours' },
        evidence: { subjects: 5400, hours: 3 },
      }),
      201,
    );
    const png = samples.png();
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(png)]), 'khao-sat.pdf');
    const uploaded = await fetch(`${embedded.service.url}/feedback/${item.id}/attachments`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${association}` },
      body: form,
    });
    expect(uploaded.status).toBe(201);
    const attachment = (await uploaded.json()) as { url: string; sha256: string };
    expect(attachment).toMatchObject({ fileType: 'png', filename: 'khao-sat.png' });
    const opinion = expectOk(
      await call('POST', `/consultations/${roundOf('expert')}/feedback`, expert, {
        content: 'Đồng ý với phương án.',
      }),
      201,
    );
    expectOk(await send({ type: 'CLOSE_EXPERT_ROUND' }, lead));

    // The association round closes by itself at its deadline.
    await waitFor(
      async () =>
        (await call('GET', `/regulations/${reg.id}`, officer)).body.stateName === 'responding',
      20_000,
      250,
    );
    expect((await send({ type: 'SUBMIT_TO_GOVERNMENT_OFFICE' }, lead)).status).toBe(422);
    const accepted = expectOk(
      await call('POST', `/feedback/${item.id}/response`, officer, {
        disposition: 'accepted',
        explanation: 'Tiếp thu.',
        reEstimate: { value: 3 },
      }),
    );
    expect(accepted.answer.costEffect).toMatchObject({ valueBefore: '2', valueAfter: '3' });
    expectOk(
      await call('POST', `/feedback/${opinion.id}/response`, officer, {
        disposition: 'accepted',
        explanation: 'Cảm ơn.',
      }),
    );
    expectOk(await send({ type: 'SUBMIT_TO_GOVERNMENT_OFFICE' }, lead));
    const report = await call(
      'GET',
      `/consultations/${roundOf('expert')}/report?format=xlsx`,
      lead,
    );
    expect(report.status).toBe(200);

    // After a restart: the published items, their answers and the attachment's exact bytes.
    await embedded.restart();
    const published = expectOk(await call('GET', `/regulations/${reg.id}/feedback`));
    expect(published.items.map((i: any) => i.answer.disposition)).toEqual(['accepted', 'accepted']);
    const file = await fetch(`${embedded.service.url}${attachment.url}`);
    expect(file.status).toBe(200);
    const bytes = Buffer.from(await file.arrayBuffer());
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(attachment.sha256);
    expect(createHash('sha256').update(png).digest('hex')).toBe(attachment.sha256);
  }, 180_000);
});
