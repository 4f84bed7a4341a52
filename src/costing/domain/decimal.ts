import { Decimal } from 'decimal.js';

/**
 * A private Decimal constructor for the costing domain. Cloned so that nothing here ever changes the
 * global Decimal configuration other modules may rely on. Used only to turn JS numbers into plain
 * decimal strings and to give approximate views of exact fractions; the money arithmetic itself is
 * done on BigInt fractions (see rational.ts) so no precision limit can bite.
 */
export const CostDecimal = Decimal.clone({
  precision: 60,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -100,
  toExpPos: 100,
});

export type CostDecimal = InstanceType<typeof CostDecimal>;
