import { api, ok } from '../../api/client';
import type { Agency, Page, Programme } from '../government/types';

export type { Agency, Programme };

/** Shapes of the admin reads, as the service answers them (no response schema in the document). */
export interface User {
  id: string;
  email: string;
  fullName: string;
  role: string;
  agencyId: string;
  active: boolean;
}
export interface ApiKey {
  id: string;
  name: string;
  agencyId: string;
  access: string;
  prefix: string;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
  key?: string;
}
export interface ParameterSet {
  id: string;
  year: number;
  hourlyRate: string;
  rateSource: 'derived' | 'explicit';
  annualIncomePerCapita: string | null;
  monthsPerYear: string;
  workingDaysPerMonth: string;
  hoursPerDay: string;
  version: number;
}
export interface Job {
  id: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  progress: { done: number | null; total: number | null };
  error: unknown;
}

const LIMIT = { limit: 500 } as never;

export const listUsers = async () =>
  ((await ok(api.GET('/users', { params: { query: LIMIT } }))) as unknown as Page<User>).items;
export const listAgencies = async () =>
  ((await ok(api.GET('/agencies', { params: { query: LIMIT } }))) as unknown as Page<Agency>).items;
export const listApiKeys = async () =>
  ((await ok(api.GET('/api-keys', { params: { query: LIMIT } }))) as unknown as Page<ApiKey>).items;
export const listParameterSets = async () =>
  (
    (await ok(
      api.GET('/cost-parameter-sets', { params: { query: LIMIT } }),
    )) as unknown as Page<ParameterSet>
  ).items;
export const listProgrammes = async () =>
  ((await ok(api.GET('/programmes', { params: { query: LIMIT } }))) as unknown as Page<Programme>)
    .items;
export const getJob = async (id: string) =>
  (await ok(api.GET('/jobs/{id}', { params: { path: { id } } }))) as unknown as Job;

/** A form's text fields as the API's body: empty optional fields left out, numbers converted. */
export function compact(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v.trim() !== ''));
}
