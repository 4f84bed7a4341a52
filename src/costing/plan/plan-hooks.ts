import { Injectable } from '@nestjs/common';
import { Tx } from '../../database/transaction-runner';
import { PlanView } from './plan.view';

export interface PlanChange {
  regulationId: string;
  before: PlanView | null;
  after: PlanView;
}

export type PlanHook = (tx: Tx, change: PlanChange) => Promise<void>;

/**
 * In-transaction hooks on every plan write: an `abolish` plan makes the proposed annual cost 0,
 * and the plan's programme decides where savings count, so aggregates follow plan changes too.
 */
@Injectable()
export class PlanHooks {
  private readonly hooks: PlanHook[] = [];

  register(hook: PlanHook): void {
    this.hooks.push(hook);
  }

  async run(tx: Tx, change: PlanChange): Promise<void> {
    for (const hook of this.hooks) await hook(tx, change);
  }
}
