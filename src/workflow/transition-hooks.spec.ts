import type { Tx } from '../database/transaction-runner';
import { TransitionContext, TransitionHooks } from './transition-hooks';

const ctx = { event: { type: 'SUBMIT_FOR_REVIEW' } } as unknown as TransitionContext;
const tx = {} as Tx;

describe('TransitionHooks', () => {
  it('runs hooks by order, then in registration order', async () => {
    const hooks = new TransitionHooks();
    const ran: string[] = [];
    const hook = (name: string) => async () => void ran.push(name);
    hooks.register(hook('a'));
    hooks.register(hook('late'), undefined, { order: 10 });
    hooks.register(hook('b'));
    hooks.register(hook('first'), undefined, { order: -100 });
    hooks.register(hook('c'), undefined, { order: 0 });
    await hooks.run(tx, ctx);
    expect(ran).toEqual(['first', 'a', 'b', 'c', 'late']);
  });

  it('runs and counts only the hooks whose filter applies', async () => {
    const hooks = new TransitionHooks();
    const ran: string[] = [];
    hooks.register(
      async () => void ran.push('open'),
      (c) => c.event.type === 'OPEN_CONSULTATION',
      { order: -100 },
    );
    expect(hooks.apply(ctx)).toBe(false);
    await hooks.run(tx, ctx);
    expect(ran).toEqual([]);
    hooks.register(async () => void ran.push('any'));
    expect(hooks.apply(ctx)).toBe(true);
    await hooks.run(tx, ctx);
    expect(ran).toEqual(['any']);
  });
});
