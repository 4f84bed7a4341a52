import { EntityManager } from 'typeorm';

/**
 * Runs `work` inside a savepoint of the manager's transaction: if it throws, its writes are rolled
 * back (the transaction stays usable) and the error is rethrown.
 */
export async function inSavepoint<T>(
  manager: EntityManager,
  name: string,
  work: () => Promise<T>,
): Promise<T> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad savepoint name ${name}`);
  await manager.query(`SAVEPOINT ${name}`);
  try {
    const result = await work();
    await manager.query(`RELEASE SAVEPOINT ${name}`);
    return result;
  } catch (err) {
    await manager.query(`ROLLBACK TO SAVEPOINT ${name}`);
    throw err;
  }
}
