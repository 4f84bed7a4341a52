import { Injectable } from '@nestjs/common';
import { Tx } from '../../database/transaction-runner';
import { EstimateKind, EstimateSource } from '../shared/costing-rules';
import { StoredEstimate } from '../shared/rows';

/** One change of a cost estimate, as seen inside the transaction that makes it. */
export interface EstimateChange {
  regulationId: string;
  kind: EstimateKind;
  source: EstimateSource;
  /** The previous version, or null when the estimate is new. */
  before: StoredEstimate | null;
  after: StoredEstimate;
}

export type EstimateHook = (tx: Tx, change: EstimateChange) => Promise<void>;

/**
 * In-transaction hooks on every estimate write (PUT, accepted feedback, recalculation). The
 * targets report keeps its aggregates here, so they can never disagree with the estimates. A hook
 * that throws rolls the write back. The regulation row is locked when a hook runs.
 */
@Injectable()
export class EstimateHooks {
  private readonly hooks: EstimateHook[] = [];

  register(hook: EstimateHook): void {
    this.hooks.push(hook);
  }

  get size(): number {
    return this.hooks.length;
  }

  async run(tx: Tx, change: EstimateChange): Promise<void> {
    // One after another: a transaction's connection runs one statement at a time.
    for (const hook of this.hooks) await hook(tx, change);
  }
}
