import {
  answerableRounds,
  costLines,
  emptyFeedback,
  feedbackBody,
  fieldLabel,
} from './feedback-form';
import type { Estimate, Round } from './types';

const estimate = {
  kind: 'baseline',
  activities: [
    { name: 'Chuẩn bị hồ sơ', hours: '8' },
    { name: 'Nộp hồ sơ', hours: '4' },
  ],
} as Estimate;

describe('feedback form', () => {
  it("offers the estimate's own lines, activities by name", () => {
    const lines = costLines(estimate);
    expect(lines[0]).toEqual({
      value: 'baseline|activities[0].hours',
      label: 'Chi phí hiện tại – Số giờ: Chuẩn bị hồ sơ',
    });
    expect(lines[1].value).toBe('baseline|activities[1].hours');
    expect(lines.map((l) => l.value)).toContain('baseline|feesAndCharges');
    expect(costLines(null)).toEqual([]);
    expect(fieldLabel('activities[1].hours', estimate)).toBe('Số giờ: Nộp hồ sơ');
    expect(fieldLabel('feesAndCharges')).toBe('Phí, lệ phí (đồng/lần)');
  });

  it('builds the body: a cost-line target and Vietnamese numbers as decimal strings', () => {
    const v = emptyFeedback();
    v.content = '  Thời gian thực tế là 12 giờ. ';
    v.target = 'baseline|activities[0].hours';
    v.evidence.hours = '12,5';
    v.evidence.subjects = '2.112';
    v.evidence.amount = '1.500.000';
    v.evidence.note = 'Khảo sát 120 doanh nghiệp';
    expect(feedbackBody(v)).toEqual({
      content: 'Thời gian thực tế là 12 giờ.',
      target: { kind: 'cost_field', estimate: 'baseline', field: 'activities[0].hours' },
      evidence: {
        subjects: '2112',
        hours: '12.5',
        amount: '1500000',
        note: 'Khảo sát 120 doanh nghiệp',
      },
    });
  });

  it('sends a number it cannot read as typed (the API names the field) and no empty evidence', () => {
    const v = emptyFeedback();
    v.content = 'Ý kiến';
    v.evidence.subjects = 'ba nghìn';
    expect(feedbackBody(v)).toEqual({
      content: 'Ý kiến',
      target: { kind: 'regulation' },
      evidence: { subjects: 'ba nghìn' },
    });
    v.evidence.subjects = '';
    v.target = 'plan';
    expect(feedbackBody(v)).toEqual({ content: 'Ý kiến', target: { kind: 'plan' } });
  });

  it('shows an expert only the rounds they are invited to', () => {
    const r = (id: string, round: 'expert' | 'association', invited: string[] = []) =>
      ({ id, round, invitedExpertIds: invited }) as unknown as Round;
    const rounds = [r('a', 'association'), r('e1', 'expert', ['me']), r('e2', 'expert', ['other'])];
    expect(answerableRounds(rounds, 'expert', 'me').map((x) => x.id)).toEqual(['e1']);
    expect(answerableRounds(rounds, 'association', 'me').map((x) => x.id)).toEqual(['a']);
  });
});
