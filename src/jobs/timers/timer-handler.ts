import { Tx } from '../../database/transaction-runner';

export const TIMER_HANDLER_METADATA = 'regcut:timer-handler';

export interface DueTimer {
  id: string;
  kind: string;
  subjectKey: string;
  payload: Record<string, unknown>;
  dueAt: Date;
}

/**
 * Applies a timer's effect inside the transaction that marks it fired, so the effect happens
 * exactly once even when several processes race for the same timer.
 */
export interface TimerHandlerClass {
  onTimer(timer: DueTimer, tx: Tx): Promise<void>;
}
