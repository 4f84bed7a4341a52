import { useSyncExternalStore } from 'react';
import { onSessionChange, readSession, type Session } from './session';

let cached: Session | null = readSession();
onSessionChange((s) => (cached = s));

/** The current session (re-renders on sign-in and sign-out). */
export function useSession(): Session | null {
  return useSyncExternalStore(
    (cb) => onSessionChange(() => cb()),
    () => cached,
    () => null,
  );
}
