import type { RouteObject } from 'react-router';

/** A link in the header's navigation; shown to the roles listed (none = everyone, signed in or not). */
export interface NavItem {
  to: string;
  label: string;
  roles?: readonly string[];
  /** Only for visitors who are not signed in (keeps a signed-in header on one line). */
  signedOutOnly?: boolean;
}

/** What each area (web/src/areas/*) exports. */
export interface AreaModule {
  /** Routes, with absolute paths under the area's own section (src/web/app-paths.ts). */
  routes: RouteObject[];
  nav: NavItem[];
  /** Roles that may open the area's pages (undefined: public). */
  roles?: readonly string[];
  /** Where a user of these roles lands after signing in. */
  home?: string;
}

export const MINISTRY = ['ministry_officer', 'ministry_lead'] as const;
export const ASSOCIATION_OR_EXPERT = ['association', 'expert'] as const;
/** Who comments in rounds: associations, experts, and verified public commenters (góp ý công khai). */
export const COMMENTERS = ['association', 'expert', 'public'] as const;
export const GOV_OFFICE = ['gov_office'] as const;
export const ADMIN = ['admin'] as const;
