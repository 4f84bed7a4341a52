import { NOTIFICATION_KINDS } from './kinds';
import { linkFor } from './links';
import { vietnamDateTime } from '../../common/vietnam-time';
import { render } from './templates';

describe('notification templates', () => {
  it('every kind renders a Vietnamese title and body with the regulation title', () => {
    for (const kind of NOTIFICATION_KINDS) {
      const r = render(kind, { regulationTitle: 'Điều kiện kinh doanh vận tải' });
      expect(r.title).toContain('Điều kiện kinh doanh vận tải');
      expect(r.body).toContain('Điều kiện kinh doanh vận tải');
    }
  });

  it('shows times in Vietnam time', () => {
    expect(vietnamDateTime('2026-01-09T17:30:00Z')).toBe('10/01/2026 00:30');
  });

  it('links each role into its own area of the web app', () => {
    const round = { kind: 'round', regulationId: 'r1', roundId: 'c1' } as const;
    expect(linkFor('expert', round)).toBe('/gop-y/dot/c1');
    expect(linkFor('ministry_officer', round)).toBe('/bo-nganh/quy-dinh/r1?tab=consultation');
    expect(linkFor('gov_office', { kind: 'regulation', regulationId: 'r1' })).toBe('/quy-dinh/r1');
    expect(linkFor('public_commenter', { kind: 'my_feedback', regulationId: 'r1' })).toBe(
      '/quy-dinh/r1',
    );
  });
});
