import { admin } from './vi/admin';
import { association } from './vi/association';
import { auth } from './vi/auth';
import { common } from './vi/common';
import { government } from './vi/government';
import { notifications } from './vi/notifications';
import { officer } from './vi/officer';
import { portal } from './vi/portal';
import { publicComments } from './vi/publicComments';

/**
 * The one string catalogue: one file per area under vi/. Another language is a second object of
 * the same type (`Catalogue`), e.g. en/ with the same files, registered in CATALOGUES.
 */
const vi = {
  common,
  auth,
  portal,
  officer,
  association,
  government,
  admin,
  notifications,
  publicComments,
};
export type Catalogue = typeof vi;
export type Locale = 'vi';

const CATALOGUES: Record<Locale, Catalogue> = { vi };
let active: Catalogue = CATALOGUES.vi;

export function setLocale(locale: Locale): void {
  active = CATALOGUES[locale];
}

/** The active catalogue: `t().officer.todo.title`. */
export function t(): Catalogue {
  return active;
}

/** A label from a code table (states, roles, …), falling back to the code itself. */
export function label(table: Record<string, string>, code: string | null | undefined): string {
  if (code === null || code === undefined || code === '') return active.common.none;
  return table[code] ?? code;
}
