import { useState } from 'react';
import { Link, NavLink, Outlet, useNavigate } from 'react-router';
import { NotificationBell } from '../areas/notifications/NotificationBell';
import { label, t } from '../i18n';
import { clearSession } from '../session/session';
import { useSession } from '../session/use-session';
import { allNav } from './areas';

/** Header (app name, role-based navigation, the user and sign-out), then the page. */
export function Layout() {
  const session = useSession();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const c = t().common;
  const role = session?.user.role;
  const items = allNav().filter((i) =>
    i.roles ? role !== undefined && i.roles.includes(role) : !(session && i.signedOutOnly),
  );
  return (
    <>
      <a className="skip-link" href="#main">
        {c.skipToContent}
      </a>
      <header className="site-header">
        <div className="header-inner">
          <Link to="/" className="brand">
            <span className="brand-mark" aria-hidden="true">
              VN
            </span>
            <span>{c.appName}</span>
          </Link>
          <button
            type="button"
            className="menu-toggle"
            aria-expanded={open}
            aria-controls="main-nav"
            onClick={() => setOpen((o) => !o)}
          >
            {c.menu}
          </button>
          <nav id="main-nav" className={`main-nav ${open ? 'open' : ''}`} aria-label={c.menu}>
            <ul>
              {items.map((i) => (
                <li key={i.to}>
                  <NavLink
                    to={i.to}
                    end={i.to === '/' || items.some((o) => o.to.startsWith(`${i.to}/`))}
                    onClick={() => setOpen(false)}
                  >
                    {i.label}
                  </NavLink>
                </li>
              ))}
            </ul>
            <div className="user-box">
              {session ? (
                <>
                  <NotificationBell />
                  <span className="user-name" data-testid="current-user">
                    {session.user.fullName}
                    <small>{label(c.roles, session.user.role)}</small>
                  </span>
                  <button
                    type="button"
                    className="button button-ghost"
                    onClick={() => {
                      clearSession();
                      navigate('/');
                    }}
                  >
                    {c.signOut}
                  </button>
                </>
              ) : (
                <Link to="/login" className="button button-primary">
                  {c.signIn}
                </Link>
              )}
            </div>
          </nav>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>{c.appTagline}</p>
      </footer>
    </>
  );
}

export function NotFound() {
  const c = t().common;
  return (
    <div className="page">
      <h1>{c.notFound}</h1>
      <Link to="/">{c.backHome}</Link>
    </div>
  );
}
