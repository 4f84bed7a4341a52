import { EVENT_FORMS, eventBody, formOf, initialValues } from './events';

describe('workflow event payload forms', () => {
  it('has a form for every event a person sends, and none for timers', () => {
    expect(Object.keys(EVENT_FORMS).sort()).toEqual(
      [
        'SUBMIT_FOR_REVIEW',
        'COMPLETE_REVIEW',
        'CONFIRM_BASELINE',
        'OPEN_CONSULTATION',
        'CLOSE_EXPERT_ROUND',
        'SUBMIT_TO_GOVERNMENT_OFFICE',
        'REVISE_PLAN',
        'RETURN_FOR_REVISION',
        'FORWARD_FOR_DECISION',
        'RECORD_DECISION',
        'RECORD_IMPLEMENTATION',
        'WITHDRAW',
      ].sort(),
    );
    expect(formOf('EXPERT_ROUND_DEADLINE')).toBeNull();
  });

  it('builds the body the API validates', () => {
    const review = formOf('COMPLETE_REVIEW')!;
    expect(
      eventBody('COMPLETE_REVIEW', review, { ...initialValues(review), necessary: true }),
    ).toEqual({
      type: 'COMPLETE_REVIEW',
      necessary: true,
      legal: false,
      reasonable: false,
    });
    const open = formOf('OPEN_CONSULTATION')!;
    expect(
      eventBody('OPEN_CONSULTATION', open, {
        expertDeadline: '2027-01-31',
        associationDeadline: '2027-02-01',
        expertIds: ['a', 'b'],
      }),
    ).toEqual({
      type: 'OPEN_CONSULTATION',
      expertDeadline: '2027-01-31',
      associationDeadline: '2027-02-01',
      expertIds: ['a', 'b'],
    });
    // Nobody chosen yet: an empty list, so the API names the field.
    expect(initialValues(open).expertIds).toEqual([]);
    expect(eventBody('OPEN_CONSULTATION', open, initialValues(open)).expertIds).toEqual([]);
    const reasons = formOf('RETURN_FOR_REVISION')!;
    expect(eventBody('RETURN_FOR_REVISION', reasons, { reasons: 'a\n b ,c' }).reasons).toEqual([
      'a',
      'b',
      'c',
    ]);
  });
});
