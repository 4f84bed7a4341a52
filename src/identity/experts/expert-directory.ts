import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ExpertsRepository } from '../persistence/experts.repository';

/**
 * Identity's port onto the expert directory (Hội đồng tư vấn) for other modules: the workflow
 * checks invited experts here, never by reading `app_user` itself.
 */
@Injectable()
export class ExpertDirectory {
  constructor(private readonly experts: ExpertsRepository) {}

  /** Which of these ids are active users with the role `expert`, in the caller's transaction. */
  activeAmong(manager: EntityManager, ids: string[]): Promise<string[]> {
    return this.experts.activeAmong(ids, manager);
  }
}
