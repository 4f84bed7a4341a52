import { DEFAULT_COST_LIMITS, validateEstimate } from './domain';
import { loadCostingConfig } from './costing.config';

describe('costing configuration', () => {
  it('uses the calculator defaults and batches of 500 when nothing is set', () => {
    expect(loadCostingConfig({})).toEqual({
      limits: { ...DEFAULT_COST_LIMITS },
      recalculationBatchSize: 500,
    });
  });

  it('reads the caps, which then refuse larger values naming the field', () => {
    const config = loadCostingConfig({
      COST_MAX_SUBJECTS_PER_YEAR: '1000',
      COST_MAX_ACTIVITIES: '2',
      COST_RECALCULATION_BATCH_SIZE: '50',
    });
    expect(config.recalculationBatchSize).toBe(50);
    const v = validateEstimate(
      {
        subjectType: 'business',
        costKind: 'recurring',
        activities: [
          { name: 'a', hours: 1 },
          { name: 'b', hours: 1 },
          { name: 'c', hours: 1 },
        ],
        hiredServices: 0,
        feesAndCharges: 0,
        otherCosts: 0,
        frequencyPerYear: 1,
        subjectsPerYear: 1001,
      },
      config.limits,
    );
    expect(v.errors.map((e) => e.field).sort()).toEqual(['activities', 'subjectsPerYear']);
  });

  it('stops the start on a nonsensical value, naming the variable', () => {
    expect(() => loadCostingConfig({ COST_MAX_HOURS_PER_ACTIVITY: 'lots' })).toThrow(
      /COST_MAX_HOURS_PER_ACTIVITY/,
    );
    expect(() => loadCostingConfig({ COST_MAX_ACTIVITIES: '-1' })).toThrow(/COST_MAX_ACTIVITIES/);
    expect(() => loadCostingConfig({ COST_RECALCULATION_BATCH_SIZE: '0' })).toThrow(
      /COST_RECALCULATION_BATCH_SIZE/,
    );
  });
});
