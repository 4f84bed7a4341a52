import { adminArea } from '../areas/admin';
import { associationArea } from '../areas/association';
import { governmentArea } from '../areas/government';
import { notificationsArea } from '../areas/notifications';
import { officerArea } from '../areas/officer';
import { publicArea } from '../areas/public';
import type { AreaModule, NavItem } from './nav';

/** Every area of the app; the router and the header read them from here. */
export const AREAS: AreaModule[] = [
  publicArea,
  officerArea,
  associationArea,
  governmentArea,
  adminArea,
  notificationsArea,
];

export function allNav(): NavItem[] {
  return AREAS.flatMap((a) => a.nav);
}

/** Where a role lands after signing in (when no ?next= says otherwise). */
export function homeFor(role: string): string {
  return AREAS.find((a) => a.roles?.includes(role) && a.home)?.home ?? '/';
}
