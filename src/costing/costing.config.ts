import { CostLimits, DEFAULT_COST_LIMITS, validateEstimate } from './domain';

/** Plausibility caps and the recalculation batch size; read once from the environment. */
export interface CostingConfig {
  limits: CostLimits;
  recalculationBatchSize: number;
}

export const COSTING_CONFIG = Symbol('COSTING_CONFIG');

/** Environment variable → cap of the calculator (a larger value is refused as a typo). */
const LIMIT_VARIABLES: Record<string, keyof CostLimits> = {
  COST_MAX_ACTIVITIES: 'maxActivities',
  COST_MAX_HOURS_PER_ACTIVITY: 'maxHoursPerActivity',
  COST_MAX_MONEY_PER_COMPLIANCE: 'maxMoneyPerCompliance',
  COST_MAX_FREQUENCY_PER_YEAR: 'maxFrequencyPerYear',
  COST_MAX_SUBJECTS_PER_YEAR: 'maxSubjectsPerYear',
};

/**
 * Reads the COST_* variables (all optional). A bad value stops the start with a message naming
 * the variable, like the rest of the configuration.
 */
export function loadCostingConfig(env: NodeJS.ProcessEnv = process.env): CostingConfig {
  const limits: CostLimits = { ...DEFAULT_COST_LIMITS };
  for (const [variable, key] of Object.entries(LIMIT_VARIABLES)) {
    const raw = env[variable]?.trim();
    if (!raw) continue;
    if (key === 'maxActivities') {
      if (!/^\d{1,6}$/.test(raw)) throw new Error(`${variable} must be a whole number`);
      limits.maxActivities = Number(raw);
    } else {
      (limits as unknown as Record<string, string>)[key] = raw;
    }
    try {
      // The calculator checks its limits before anything else.
      validateEstimate({}, limits);
    } catch (err) {
      throw new Error(`${variable}: ${(err as Error).message}`);
    }
  }
  let batch = 500;
  const rawBatch = env.COST_RECALCULATION_BATCH_SIZE?.trim();
  if (rawBatch) {
    if (!/^\d{1,5}$/.test(rawBatch) || Number(rawBatch) < 1) {
      throw new Error('COST_RECALCULATION_BATCH_SIZE must be a whole number from 1 to 99999');
    }
    batch = Number(rawBatch);
  }
  return { limits, recalculationBatchSize: batch };
}

/**
 * Recalculation recomputes inputs that were accepted earlier; caps lowered since then must not
 * make an old estimate unrecalculable, so it parses with caps no real value reaches.
 */
export const RECALCULATION_LIMITS: CostLimits = {
  maxActivities: 1_000_000,
  maxActivityNameLength: 1_000_000,
  maxHoursPerActivity: '1' + '0'.repeat(40),
  maxMoneyPerCompliance: '1' + '0'.repeat(40),
  maxFrequencyPerYear: '1' + '0'.repeat(40),
  maxSubjectsPerYear: '1' + '0'.repeat(40),
};
