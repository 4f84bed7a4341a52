import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Uploaded import files, kept in the database so that whichever worker runs the import job can
 * read them, and so a re-run after a crash sees that the import already committed.
 */
export class ImportUploads1764190250000 implements MigrationInterface {
  name = 'ImportUploads1764190250000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE import_upload (
        id uuid PRIMARY KEY,
        agency_id uuid NOT NULL REFERENCES agency (id),
        filename varchar(300) NOT NULL,
        format varchar(10) NOT NULL CHECK (format IN ('xlsx', 'csv')),
        size_bytes integer NOT NULL,
        content bytea NOT NULL,
        valid_rows_only boolean NOT NULL DEFAULT false,
        created_by uuid REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        -- set in the transaction that wrote the rows: a re-run finds the import done
        imported_at timestamptz,
        outcome jsonb
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE import_upload`);
  }
}
