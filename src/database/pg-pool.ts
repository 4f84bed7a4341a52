import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';

/**
 * The `pg` pool under TypeORM's DataSource: the hot paths run named prepared statements on it
 * directly (parsed once per connection), without the query builder or the entity manager.
 */
export function pgPool(dataSource: DataSource): Pool {
  const pool = (dataSource.driver as unknown as { master?: Pool }).master;
  if (!pool) throw new Error('the DataSource has no pg pool (not initialised, or not Postgres)');
  return pool;
}

/** The connection string the DataSource was configured with. */
export function connectionUrl(dataSource: DataSource): string {
  const url = (dataSource.options as { url?: string }).url;
  if (!url) throw new Error('the DataSource has no url');
  return url;
}
