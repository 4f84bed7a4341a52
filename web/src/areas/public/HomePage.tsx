import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { formatDate } from '../../format';
import { label, t } from '../../i18n';
import { useSession } from '../../session/use-session';
import { QueryView } from '../../ui/common';
import { useOpenConsultations, useRegulations } from './queries';
import { RegulationTable } from './RegulationTable';

/** `/` — the public portal. */
export function HomePage() {
  const p = t().portal.home;
  const navigate = useNavigate();
  const session = useSession();
  const [text, setText] = useState('');
  const recent = useRegulations({ limit: 5 });
  const rounds = useOpenConsultations();
  return (
    <div className="page">
      <section className="hero card">
        <h1>{p.title}</h1>
        <p className="lead">{p.lead}</p>
        <form
          role="search"
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            navigate(`/tra-cuu${text.trim() ? `?search=${encodeURIComponent(text.trim())}` : ''}`);
          }}
        >
          <div className="field grow">
            <label htmlFor="home-search">{p.searchLabel}</label>
            <input
              id="home-search"
              type="search"
              placeholder={p.searchPlaceholder}
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
          </div>
          <button type="submit" className="button button-primary">
            {t().common.search}
          </button>
        </form>
        {!session && (
          <p>
            <Link to="/login">{p.signInCta} →</Link>
          </p>
        )}
      </section>
      <div className="grid-2">
        <section aria-labelledby="h-recent">
          <h2 id="h-recent">{t().portal.nav.search}</h2>
          <QueryView query={recent}>
            {(page) => <RegulationTable items={page.items} linkTo={(r) => `/quy-dinh/${r.id}`} />}
          </QueryView>
          <p>
            <Link to="/tra-cuu">{p.seeAll} →</Link>
          </p>
        </section>
        <section aria-labelledby="h-rounds">
          <h2 id="h-rounds">{p.openRounds}</h2>
          <QueryView query={rounds}>
            {(items) =>
              items.length === 0 ? (
                <p className="muted">{p.noOpenRounds}</p>
              ) : (
                <ul>
                  {items.slice(0, 6).map((r) => (
                    <li key={r.id}>
                      <Link to={`/quy-dinh/${r.regulationId}`}>
                        {label(t().portal.consultations.rounds, r.round)}
                      </Link>{' '}
                      — {t().portal.consultations.closes} {formatDate(r.closesAt)}
                    </li>
                  ))}
                </ul>
              )
            }
          </QueryView>
          <p>
            <Link to="/tham-van">{p.seeAll} →</Link>
          </p>
        </section>
      </div>
    </div>
  );
}
