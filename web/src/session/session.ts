/** The signed-in user, kept in sessionStorage (one tab's session; gone when the tab closes). */
export interface SessionUser {
  id: string;
  email: string;
  fullName: string;
  role: string;
  agencyId: string | null;
}
export interface Session {
  accessToken: string;
  expiresAt: number;
  user: SessionUser;
}

const KEY = 'regcut.session';
type Listener = (s: Session | null) => void;
const listeners = new Set<Listener>();

function storage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

export function readSession(now = Date.now()): Session | null {
  const raw = storage()?.getItem(KEY);
  if (!raw) return null;
  try {
    const s = JSON.parse(raw) as Session;
    return s.expiresAt > now ? s : null;
  } catch {
    return null;
  }
}

export function saveSession(s: Session): void {
  storage()?.setItem(KEY, JSON.stringify(s));
  listeners.forEach((l) => l(s));
}

export function clearSession(): void {
  storage()?.removeItem(KEY);
  listeners.forEach((l) => l(null));
}

export function onSessionChange(l: Listener): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** Where /login sends one back: only paths of this app, never another site. */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/login'))
    return '/';
  return next;
}
