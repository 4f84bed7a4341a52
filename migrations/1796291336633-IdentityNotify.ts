import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * API processes cache what the access guard needs per user (token version, active, role, agency)
 * instead of reading it on every request. Whoever changes those columns — the service, the CLI,
 * a hand-written UPDATE — these triggers announce it on the `regcut_identity` channel at commit,
 * and every process drops the user (or, for an agency, everything) from its cache.
 *
 * SQL accepted by PostgreSQL 15 and PGlite (18).
 */
export class IdentityNotify1796291336633 implements MigrationInterface {
  name = 'IdentityNotify1796291336633';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION identity_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('regcut_identity', TG_ARGV[0] || ':' || OLD.id::text);
        RETURN NULL;
      END
      $$`);
    await q.query(`
      CREATE TRIGGER app_user_identity_notify
        AFTER UPDATE OF token_version, active, role, agency_id ON app_user
        FOR EACH ROW
        WHEN (OLD.token_version IS DISTINCT FROM NEW.token_version
           OR OLD.active IS DISTINCT FROM NEW.active
           OR OLD.role IS DISTINCT FROM NEW.role
           OR OLD.agency_id IS DISTINCT FROM NEW.agency_id)
        EXECUTE FUNCTION identity_notify('user')`);
    await q.query(`
      CREATE TRIGGER app_user_identity_notify_delete AFTER DELETE ON app_user
        FOR EACH ROW EXECUTE FUNCTION identity_notify('user')`);
    await q.query(`
      CREATE TRIGGER agency_identity_notify
        AFTER UPDATE OF active, kind ON agency
        FOR EACH ROW
        WHEN (OLD.active IS DISTINCT FROM NEW.active OR OLD.kind IS DISTINCT FROM NEW.kind)
        EXECUTE FUNCTION identity_notify('agency')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER agency_identity_notify ON agency`);
    await q.query(`DROP TRIGGER app_user_identity_notify_delete ON app_user`);
    await q.query(`DROP TRIGGER app_user_identity_notify ON app_user`);
    await q.query(`DROP FUNCTION identity_notify()`);
  }
}
