import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Banner } from '../../forms/fields';
import { mapErrors } from '../../api/problem';
import { formatDateTime } from '../../format';
import { label, t } from '../../i18n';
import { useSession } from '../../session/use-session';
import { answerableRounds } from './feedback-form';
import { openRounds, regulation } from './queries';

/** The open rounds the signed-in association (or invited expert) may answer. */
export function RoundsPage() {
  const s = t().association.rounds;
  const session = useSession();
  const role = session?.user.role ?? '';
  const rounds = useQuery({
    queryKey: ['rounds', 'open', role, session?.user.id],
    queryFn: async () => {
      const mine = answerableRounds(await openRounds(), role, session?.user.id ?? '');
      mine.sort((a, b) => a.closesAt.localeCompare(b.closesAt));
      const regs = await Promise.all(mine.map((r) => regulation(r.regulationId)));
      return mine.map((r, i) => ({ round: r, regulation: regs[i] }));
    },
    enabled: Boolean(session),
  });
  return (
    <div className="page">
      <h1>{s.title}</h1>
      <p className="lead">{role === 'expert' ? s.introExpert : s.introAssociation}</p>
      {rounds.error && <Banner messages={mapErrors(rounds.error).banner} />}
      {rounds.data?.length === 0 && <p>{s.none}</p>}
      {rounds.data && rounds.data.length > 0 && (
        <div className="grid">
          {rounds.data.map(({ round, regulation: r }) => (
            <article key={round.id} className="card">
              <h2>{r.title}</h2>
              <p className="muted">
                {r.legalDocument?.number}, {r.provision}
              </p>
              <dl className="facts">
                <dt>{s.round}</dt>
                <dd>{label(s.kinds, round.round)}</dd>
                <dt>{s.closes}</dt>
                <dd>{formatDateTime(round.closesAt)}</dd>
              </dl>
              <p>
                <Link
                  className="button button-primary"
                  to={`/gop-y/dot/${round.id}`}
                  aria-label={`${s.open}: ${r.title}`}
                >
                  {s.open}
                </Link>
              </p>
            </article>
          ))}
        </div>
      )}
    </div>
  );
}
