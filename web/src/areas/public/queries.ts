import { useQuery } from '@tanstack/react-query';
import { api, ok } from '../../api/client';
import type { ConsultationRound, Page, Regulation, RegulationDetail } from '../../api/types';

export type RegulationFilters = {
  search?: string;
  category?: string;
  state?: string;
  sector?: string;
  agencyId?: string;
  cursor?: string;
  limit?: number;
};

/** GET /regulations with the filters as they are in the page's URL. */
export function useRegulations(filters: RegulationFilters, enabled = true) {
  const query = Object.fromEntries(
    Object.entries(filters).filter(([, v]) => v !== undefined && v !== ''),
  );
  return useQuery({
    queryKey: ['regulations', query],
    enabled,
    queryFn: async () =>
      (await ok(
        api.GET('/regulations', { params: { query: query as never } }),
      )) as unknown as Page<Regulation>,
  });
}

export function useRegulation(id: string) {
  return useQuery({
    queryKey: ['regulation', id],
    queryFn: async () =>
      (await ok(
        api.GET('/regulations/{id}', { params: { path: { id } } }),
      )) as unknown as RegulationDetail,
  });
}

/** Sector names by code (GET /sectors is public; the list is short and rarely changes). */
export function useSectorNames() {
  return useQuery({
    // Its own key: the officer's form caches the raw GET /sectors page under ['sectors'].
    queryKey: ['sector-names'],
    staleTime: 10 * 60_000,
    queryFn: async () => {
      const page = (await ok(api.GET('/sectors'))) as unknown as {
        items: Array<{ code: string; name: string }>;
      };
      return new Map(page.items.map((x) => [x.code, x.name]));
    },
  });
}

export function useOpenConsultations(regulationId?: string) {
  return useQuery({
    queryKey: ['consultations', 'open', regulationId ?? null],
    queryFn: async () => {
      const page = (await ok(
        api.GET('/consultations', { params: { query: { status: 'open', limit: 200 } as never } }),
      )) as unknown as Page<ConsultationRound>;
      return regulationId ? page.items.filter((r) => r.regulationId === regulationId) : page.items;
    },
  });
}
