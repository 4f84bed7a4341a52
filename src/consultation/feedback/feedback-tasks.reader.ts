import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { FeedbackRepository } from '../persistence/feedback.repository';

/** Read port on feedback for other modules (the "my tasks" list). */
@Injectable()
export class FeedbackTasksReader {
  constructor(
    private readonly dataSource: DataSource,
    private readonly feedback: FeedbackRepository,
  ) {}

  /** Per regulation: items of its latest cycle that have no answer yet. */
  async unansweredCounts(regulationIds: readonly string[]): Promise<Map<string, number>> {
    if (regulationIds.length === 0) return new Map();
    return this.feedback.unansweredCounts(this.dataSource.manager, regulationIds);
  }

  /** Which of `roundIds` the author has given feedback in. */
  async roundsWithFeedbackBy(
    authorId: string,
    roundIds: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Set<string>> {
    if (roundIds.length === 0) return new Set();
    return this.feedback.roundsWithFeedbackBy(manager, authorId, roundIds);
  }
}
