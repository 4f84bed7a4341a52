import { getPath, setPath, splitPath } from './paths';

describe('form field paths', () => {
  it('reads and writes API-style paths without touching the original', () => {
    const v = { title: 'a', activities: [{ name: 'x', hours: '1' }] };
    expect(splitPath('activities[0].hours')).toEqual(['activities', 0, 'hours']);
    expect(getPath(v, 'activities[0].hours')).toBe('1');
    const next = setPath(v, 'activities[1].hours', '2');
    expect(next.activities).toHaveLength(2);
    expect((next.activities[1] as any).hours).toBe('2');
    expect(v.activities).toHaveLength(1);
    expect(getPath(setPath({}, 'target.field', 'f'), 'target.field')).toBe('f');
  });
});
