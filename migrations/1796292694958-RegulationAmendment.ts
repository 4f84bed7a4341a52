import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The amending document of an implemented (or about to be implemented) plan, linked to the
 * legal-document catalogue (issue 16: RECORD_IMPLEMENTATION kept only a free-text number). One
 * row per regulation: the last RECORD_IMPLEMENTATION's document. `legal_document_id` is null
 * when the catalogue does not have the document (the caller gave no details to add it).
 */
export class RegulationAmendment1796292694958 implements MigrationInterface {
  name = 'RegulationAmendment1796292694958';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE regulation_amendment (
        regulation_id uuid PRIMARY KEY REFERENCES regulation (id),
        legal_document_id uuid REFERENCES legal_document (id),
        number varchar(100) NOT NULL,
        effective_date date NOT NULL,
        recorded_at timestamptz NOT NULL,
        history_seq integer NOT NULL
      )`);
    await q.query(
      `CREATE INDEX regulation_amendment_document ON regulation_amendment (legal_document_id)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE regulation_amendment`);
  }
}
