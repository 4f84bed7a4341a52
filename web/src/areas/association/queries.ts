import { api, ok } from '../../api/client';
import type { Estimate, FeedbackItem, Page, RegulationDetail, Round } from './types';

export async function openRounds(): Promise<Round[]> {
  const page = (await ok(
    api.GET('/consultations', { params: { query: { status: 'open', limit: 500 } as never } }),
  )) as unknown as Page<Round>;
  return page.items;
}

export async function regulation(id: string): Promise<RegulationDetail> {
  return (await ok(
    api.GET('/regulations/{id}', { params: { path: { id } } }),
  )) as unknown as RegulationDetail;
}

export async function estimates(
  id: string,
): Promise<{ baseline: Estimate | null; proposed: Estimate | null }> {
  return (await ok(
    api.GET('/regulations/{id}/cost-estimates', { params: { path: { id } } }),
  )) as unknown as { baseline: Estimate | null; proposed: Estimate | null };
}

export async function myFeedback(): Promise<FeedbackItem[]> {
  const page = (await ok(
    api.GET('/feedback', { params: { query: { mine: true, limit: 500 } as never } }),
  )) as unknown as Page<FeedbackItem>;
  return page.items;
}
