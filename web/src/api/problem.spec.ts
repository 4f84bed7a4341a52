import { ApiError, mapErrors, normalizeField } from './problem';

describe('problem+json error mapping', () => {
  it('puts each error beside the field it names, the rest in the banner', () => {
    const err = new ApiError(400, {
      status: 400,
      title: 'Invalid request',
      detail: 'x',
      errors: [
        { field: 'activities[0].hours', message: 'must be a number' },
        { field: 'activities.1.name', message: 'should not be empty' },
        { field: 'parameterSetId', message: 'must be a UUID' },
      ],
    });
    const m = mapErrors(err, ['activities[0].hours', 'activities[1].name', 'title']);
    expect(m.fields).toEqual({
      'activities[0].hours': ['must be a number'],
      'activities[1].name': ['should not be empty'],
    });
    expect(m.banner).toEqual(['Trường “parameterSetId”: must be a UUID']);
    expect(m.stale).toBe(false);
  });

  it('says to correct the fields below when every error has its field', () => {
    const err = new ApiError(400, {
      status: 400,
      errors: [{ field: 'title', message: 'too long' }],
    });
    expect(mapErrors(err, ['title']).banner[0]).toMatch(/sửa các trường/);
  });

  it('explains a stale version (409) and offers a reload', () => {
    const err = new ApiError(409, {
      status: 409,
      type: 'https://regcut.example/problems/version-conflict',
      detail: 'version 3 is stale',
    });
    const m = mapErrors(err);
    expect(m.stale).toBe(true);
    expect(m.banner[0]).toMatch(/Tải lại/);
  });

  it('shows a state conflict or guard failure by its detail, a network failure in words', () => {
    const guard = new ApiError(422, {
      status: 422,
      detail: 'a complete baseline estimate is required',
    });
    expect(mapErrors(guard).banner).toEqual(['a complete baseline estimate is required']);
    expect(mapErrors(new ApiError(503, { status: 503, detail: 'db down' })).banner[0]).toMatch(
      /gián đoạn/,
    );
    expect(mapErrors(new TypeError('Failed to fetch')).banner[0]).toMatch(/kết nối/);
  });

  it('normalises dotted array indexes', () => {
    expect(normalizeField('activities.0.hours')).toBe('activities[0].hours');
    expect(normalizeField('a.10')).toBe('a[10]');
    expect(normalizeField('evidence.hours')).toBe('evidence.hours');
  });
});
