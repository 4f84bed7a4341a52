import { FixedClock } from '../../src/common/clock';
import { TestAgency, TestUser } from './factories';
import { createTestApp, TestApp, TestAppOptions } from './test-app';

/**
 * The instant the FixedClock worlds of the e2e specs start from: 09:00 on 2 March 2026 in Hanoi,
 * while NQ66 (baseline 31 Dec 2024, minimum consultation period 30 days) runs.
 */
export const START = '2026-03-02T02:00:00.000Z';
export const DAY_MS = 86_400_000;
/** The programmes the migrations seed (NQ66 and NQ68). */
export const NQ66_ID = '6a000000-0000-4000-8000-000000000066';
export const NQ68_ID = '6a000000-0000-4000-8000-000000000068';

/** What the consultation and workflow worlds have in common: the app, its clock and people. */
export interface PeopleWorld {
  t: TestApp;
  clock: FixedClock;
  ministry: TestAgency;
  officer: TestUser;
  lead: TestUser;
  otherOfficer: TestUser;
  gov: TestUser;
  admin: TestUser;
  expert: TestUser;
  expert2: TestUser;
  association: TestUser;
}

/** The real application on a FixedClock set to START. */
export async function appAtStart(
  options: TestAppOptions = {},
): Promise<{ t: TestApp; clock: FixedClock }> {
  const clock = new FixedClock(new Date(START));
  const t = await createTestApp({ clock, ...options });
  return { t, clock };
}

/** The users among a world's values. */
export function usersOf(world: object): TestUser[] {
  return Object.values(world).filter(
    (v): v is TestUser => typeof v === 'object' && v !== null && 'auth' in v,
  );
}

/** The 2020 cost-parameter set of domain.md §4 (64,500,000 / 2,112 VND per hour), over HTTP. */
export async function createParameterSet2020(t: TestApp, admin: TestUser): Promise<string> {
  const set = await t.http
    .post('/cost-parameter-sets')
    .set('Authorization', admin.auth)
    .send({ year: 2020, annualIncomePerCapita: 64500000 });
  if (set.status !== 201)
    throw new Error(`parameter set: ${set.status} ${JSON.stringify(set.body)}`);
  return set.body.id as string;
}
