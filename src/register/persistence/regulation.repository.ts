import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { RegulationAccessFacts } from '../../access/access-policy';
import { RegulationEntity } from './regulation.entity';

/** Loading regulations for the services of every feature (register, costing, workflow …). */
@Injectable()
export class RegulationRepository {
  constructor(private readonly dataSource: DataSource) {}

  find(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<RegulationEntity | null> {
    return manager.findOneBy(RegulationEntity, { id });
  }

  /** Locks the row for the rest of the caller's transaction. */
  findForUpdate(manager: EntityManager, id: string): Promise<RegulationEntity | null> {
    return manager.findOne(RegulationEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
  }
}

export const accessFacts = (r: RegulationEntity): RegulationAccessFacts => ({
  agencyId: r.agencyId,
  published: r.published,
  planPublic: r.planPublic,
});
