import { EntityManager } from 'typeorm';
import { RegulationEntity } from '../../register/persistence/regulation.entity';

/**
 * Locks the regulation row FOR SHARE for the rest of the transaction. Feedback and attachments
 * only need the round to stay open until they commit: a transition (FOR UPDATE) closing the round
 * waits for them and then counts them, while several commenters never wait on each other.
 * Writes that change the regulation's records (answers, re-estimates) use findForUpdate instead.
 */
export function lockRegulationShared(
  manager: EntityManager,
  id: string,
): Promise<RegulationEntity | null> {
  return manager.findOne(RegulationEntity, { where: { id }, lock: { mode: 'pessimistic_read' } });
}

/** The current consultation cycle (0 before the first consultation), from the workflow snapshot. */
export function cycleOf(r: Pick<RegulationEntity, 'workflowSnapshot'>): number {
  const context = (r.workflowSnapshot as { snapshot?: { context?: { cycle?: unknown } } })?.snapshot
    ?.context;
  return typeof context?.cycle === 'number' ? context.cycle : 0;
}
