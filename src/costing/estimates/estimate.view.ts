import { StoredEstimate } from '../shared/rows';

/** An estimate as the API shows it: its inputs, the figures (money as strings) and the breakdown. */
export function estimateView(e: StoredEstimate) {
  const r = e.results;
  return {
    id: e.id,
    regulationId: e.regulationId,
    kind: e.kind,
    version: e.version,
    parameterSetId: e.parameterSetId,
    parameterSetYear: r.parameterSetYear,
    subjectType: e.subjectType,
    costKind: e.costKind,
    ...e.inputs,
    hourlyRate: r.hourlyRate,
    hourlyRateExact: r.hourlyRateExact,
    unitCost: r.unitCost,
    annualCost: e.annualCost,
    annualCostLow: e.annualCostLow,
    annualCostHigh: e.annualCostHigh,
    /** Where the figures come from (domain.md §4): time cost + money costs = unit cost, × quantity. */
    breakdown: {
      totalHours: r.totalHours,
      timeCost: r.timeCost,
      hiredServices: r.hiredServices,
      feesAndCharges: r.feesAndCharges,
      otherCosts: r.otherCosts,
      unitCost: r.unitCost,
      annualCost: r.annualCost,
      hasRange: r.hasRange,
      totalHoursLow: r.totalHoursLow ?? null,
      totalHoursHigh: r.totalHoursHigh ?? null,
      unitCostLow: r.unitCostLow ?? null,
      unitCostHigh: r.unitCostHigh ?? null,
      annualCostLow: r.annualCostLow ?? null,
      annualCostHigh: r.annualCostHigh ?? null,
    },
    reason: e.reason,
    updatedBy: e.updatedBy,
    updatedAt: new Date(e.updatedAt).toISOString(),
  };
}

export type EstimateView = ReturnType<typeof estimateView>;
