import { initialSnapshot } from './domain';
import { WorkflowFactsContributors, type FactsContext } from './workflow-facts';

const manager = {} as never;
const ctx = (over: Partial<FactsContext> = {}): FactsContext => ({
  regulationId: 'r1',
  eventType: 'CLOSE_EXPERT_ROUND',
  snapshot: initialSnapshot('2026-03-01T02:00:00Z'),
  cycle: 1,
  invitedExpertIds: ['e1', 'e2', 'e3'],
  ...over,
});

describe('WorkflowFactsContributors', () => {
  it('without contributors no feedback exists: every invited expert still owes it', async () => {
    const facts = new WorkflowFactsContributors();
    expect(await facts.load(manager, ctx())).toEqual({ invitedExpertsWithoutFeedback: 3 });
    expect(await facts.load(manager, ctx({ eventType: 'SUBMIT_TO_GOVERNMENT_OFFICE' }))).toEqual({
      unansweredFeedbackCount: 0,
    });
    expect(await facts.load(manager, ctx({ eventType: 'SUBMIT_FOR_REVIEW' }))).toEqual({});
  });

  it('asks only contributors of facts the event reads; later ones override earlier ones', async () => {
    const facts = new WorkflowFactsContributors();
    const calls: string[] = [];
    facts.register({
      facts: ['invitedExpertsWithoutFeedback', 'unansweredFeedbackCount'],
      load: async (_m, c) => {
        calls.push(`a:${c.eventType}`);
        return { invitedExpertsWithoutFeedback: 1, unansweredFeedbackCount: 5 };
      },
    });
    facts.register({
      facts: ['invitedExpertsWithoutFeedback'],
      load: async () => {
        calls.push('b');
        return { invitedExpertsWithoutFeedback: 0 };
      },
    });
    expect(await facts.load(manager, ctx())).toEqual({ invitedExpertsWithoutFeedback: 0 });
    expect(await facts.load(manager, ctx({ eventType: 'SUBMIT_TO_GOVERNMENT_OFFICE' }))).toEqual({
      unansweredFeedbackCount: 5,
    });
    await facts.load(manager, ctx({ eventType: 'WITHDRAW' }));
    expect(calls).toEqual(['a:CLOSE_EXPERT_ROUND', 'b', 'a:SUBMIT_TO_GOVERNMENT_OFFICE']);
  });
});
