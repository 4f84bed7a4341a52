import { useQuery } from '@tanstack/react-query';
import { api, ok } from '../../api/client';
import type {
  ConsultationRound,
  CostEstimate,
  Feedback,
  HistoryEntry,
  Page,
  ParameterSet,
} from '../../api/types';

/** Typed calls for routes whose response has no schema in the document yet. */
const as = <T>(p: Promise<unknown>) => p as Promise<T>;

export const officerKeys = {
  regulation: (id: string) => ['regulation', id] as const,
  estimates: (id: string) => ['estimates', id] as const,
  history: (id: string) => ['history', id] as const,
  feedback: (id: string) => ['feedback', id] as const,
};

export function useParameterSets() {
  return useQuery({
    queryKey: ['parameter-sets'],
    queryFn: () =>
      as<Page<ParameterSet>>(
        ok(api.GET('/cost-parameter-sets', { params: { query: { limit: 100 } as never } })),
      ),
  });
}

export function useEstimates(id: string) {
  return useQuery({
    queryKey: officerKeys.estimates(id),
    queryFn: () =>
      as<{ baseline: CostEstimate | null; proposed: CostEstimate | null }>(
        ok(api.GET('/regulations/{id}/cost-estimates', { params: { path: { id } } })),
      ),
  });
}

export function useHistory(id: string) {
  return useQuery({
    queryKey: officerKeys.history(id),
    queryFn: () =>
      as<Page<HistoryEntry>>(
        ok(
          api.GET('/regulations/{id}/history', {
            params: { path: { id }, query: { limit: 500 } as never },
          }),
        ),
      ),
  });
}

export function useRegulationFeedback(id: string, enabled = true) {
  return useQuery({
    queryKey: officerKeys.feedback(id),
    enabled,
    queryFn: () =>
      as<Page<Feedback>>(
        ok(
          api.GET('/regulations/{id}/feedback', {
            params: { path: { id }, query: { limit: 500 } as never },
          }),
        ),
      ),
  });
}

export function useRounds(regulationId: string) {
  return useQuery({
    queryKey: ['rounds', regulationId],
    queryFn: async () => {
      const page = await as<Page<ConsultationRound>>(
        ok(api.GET('/consultations', { params: { query: { regulationId, limit: 100 } as never } })),
      );
      return page.items.filter((r) => r.regulationId === regulationId);
    },
  });
}
