import { Injectable } from '@nestjs/common';
import { Tx } from '../database/transaction-runner';
import { TimerHandler } from '../jobs/decorators';
import { DueTimer, TimerHandlerClass } from '../jobs/timers/timer-handler';
import { WORKFLOW_TIMERS } from './domain';
import { WorkflowService } from './workflow.service';

/**
 * One handler per durable workflow timer kind (kind = the machine's timer id). Each delivers the
 * stored event through the same transition path as a caller, as the actor `system`, in the
 * transaction that marks the timer fired: the transition happens once, or not at all when stale.
 */
abstract class WorkflowTimer implements TimerHandlerClass {
  constructor(private readonly workflow: WorkflowService) {}

  async onTimer(timer: DueTimer, tx: Tx): Promise<void> {
    await this.workflow.deliverTimer(tx, timer);
  }
}

@Injectable()
@TimerHandler(WORKFLOW_TIMERS.expertRound.id)
export class ExpertRoundDeadlineTimer extends WorkflowTimer {
  constructor(workflow: WorkflowService) {
    super(workflow);
  }
}

@Injectable()
@TimerHandler(WORKFLOW_TIMERS.associationRound.id)
export class AssociationRoundDeadlineTimer extends WorkflowTimer {
  constructor(workflow: WorkflowService) {
    super(workflow);
  }
}

@Injectable()
@TimerHandler(WORKFLOW_TIMERS.implementation.id)
export class ImplementationDeadlineTimer extends WorkflowTimer {
  constructor(workflow: WorkflowService) {
    super(workflow);
  }
}

@Injectable()
@TimerHandler(WORKFLOW_TIMERS.amendmentInForce.id)
export class AmendmentInForceTimer extends WorkflowTimer {
  constructor(workflow: WorkflowService) {
    super(workflow);
  }
}

export const WORKFLOW_TIMER_HANDLERS = [
  ExpertRoundDeadlineTimer,
  AssociationRoundDeadlineTimer,
  ImplementationDeadlineTimer,
  AmendmentInForceTimer,
];
