import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { LegalDocumentFields } from '../domain';
import { LegalDocumentEntity } from './legal-document.entity';

/** The legal-document catalogue as other modules reach it (e.g. an implementation's amendment). */
@Injectable()
export class LegalDocumentRepository {
  constructor(private readonly dataSource: DataSource) {}

  find(id: string, manager: EntityManager = this.dataSource.manager) {
    return manager.findOneBy(LegalDocumentEntity, { id });
  }

  /** By identity: number, issuer (case-insensitive) and issued date. */
  async findByKey(
    manager: EntityManager,
    key: { number: string; issuer: string; issuedOn: string },
  ): Promise<LegalDocumentEntity | null> {
    const [row] = await manager.query(
      `SELECT id FROM legal_document
        WHERE upper(number) = upper($1) AND lower(issuer) = lower($2) AND issued_on = $3`,
      [key.number, key.issuer, key.issuedOn],
    );
    return row ? this.find(row.id, manager) : null;
  }

  /** Every document with this number (numbers alone may collide), of the given types if any. */
  async findByNumber(
    manager: EntityManager,
    number: string,
    types: readonly string[],
  ): Promise<LegalDocumentEntity[]> {
    const rows: Array<{ id: string }> = await manager.query(
      `SELECT id FROM legal_document
        WHERE upper(number) = upper($1) AND (cardinality($2::text[]) = 0 OR type = ANY ($2::text[]))
        ORDER BY issued_on DESC, id LIMIT 5`,
      [number, types],
    );
    return (await Promise.all(rows.map((r) => this.find(r.id, manager)))).filter(
      (d): d is LegalDocumentEntity => d !== null,
    );
  }

  /**
   * Those of `keys` already in the catalogue (number and issuer case-insensitive), with the
   * stored number, issuer and issued date (YYYY-MM-DD) to match them by; one round trip.
   */
  findManyByKey(
    manager: EntityManager,
    keys: ReadonlyArray<{ number: string; issuer: string; issuedOn: string }>,
  ): Promise<Array<{ id: string; number: string; issuer: string; issued_on: string }>> {
    return manager.query(
      `SELECT d.id, d.number, d.issuer, to_char(d.issued_on, 'YYYY-MM-DD') AS issued_on
         FROM legal_document d
         JOIN unnest($1::text[], $2::text[], $3::date[]) AS k(number, issuer, issued_on)
           ON upper(d.number) = upper(k.number) AND lower(d.issuer) = lower(k.issuer) AND d.issued_on = k.issued_on`,
      [keys.map((d) => d.number), keys.map((d) => d.issuer), keys.map((d) => d.issuedOn)],
    );
  }

  /** Adds validated documents known to be new (the caller looked them up), in one round trip. */
  async insertMany(
    manager: EntityManager,
    docs: ReadonlyArray<readonly [id: string, fields: LegalDocumentFields]>,
    by: { userId: string | null; agencyId: string | null },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO legal_document (id, number, type, issuer, title, issued_on, effective_on, expired_on, created_by, created_by_agency_id)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::date[], $7::date[], $8::date[], $9::uuid[], $10::uuid[])`,
      [
        docs.map(([id]) => id),
        docs.map(([, d]) => d.number),
        docs.map(([, d]) => d.type),
        docs.map(([, d]) => d.issuer),
        docs.map(([, d]) => d.title),
        docs.map(([, d]) => d.issuedOn),
        docs.map(([, d]) => d.effectiveOn),
        docs.map(([, d]) => d.expiredOn),
        docs.map(() => by.userId),
        docs.map(() => by.agencyId),
      ],
    );
  }

  /** Adds a validated document, or returns the one with the same identity (a concurrent add). */
  async insertOrGet(
    manager: EntityManager,
    fields: LegalDocumentFields,
    by: { userId: string | null; agencyId: string | null },
  ): Promise<LegalDocumentEntity> {
    await manager.query(
      `INSERT INTO legal_document (id, number, type, issuer, title, issued_on, effective_on, expired_on,
         created_by, created_by_agency_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (upper(number), lower(issuer), issued_on) DO NOTHING`,
      [
        randomUUID(),
        fields.number,
        fields.type,
        fields.issuer,
        fields.title,
        fields.issuedOn,
        fields.effectiveOn,
        fields.expiredOn,
        by.userId,
        by.agencyId,
      ],
    );
    return (await this.findByKey(manager, fields))!;
  }

  /** The searchable text of the regulations under a document (it includes the document's). */
  regulationsTextOf(
    manager: EntityManager,
    documentId: string,
  ): Promise<
    Array<{
      id: string;
      title: string;
      description: string;
      provision: string;
      procedure_code: string | null;
    }>
  > {
    return manager.query(
      `SELECT id, title, description, provision, procedure_code FROM regulation WHERE legal_document_id = $1`,
      [documentId],
    );
  }

  async setRegulationSearchText(manager: EntityManager, id: string, text: string): Promise<void> {
    await manager.query(`UPDATE regulation SET search_text = $2 WHERE id = $1`, [id, text]);
  }

  /** Another document with the same identity (number, issuer, issued date), but `exceptId`. */
  async duplicateOf(
    manager: EntityManager,
    f: { number: string; issuer: string; issuedOn: string },
    exceptId?: string,
  ): Promise<string | null> {
    const dup = await manager.query(
      `SELECT id FROM legal_document WHERE upper(number) = upper($1) AND lower(issuer) = lower($2) AND issued_on = $3 AND id <> coalesce($4::uuid, '00000000-0000-0000-0000-000000000000')`,
      [f.number, f.issuer, f.issuedOn, exceptId ?? null],
    );
    return dup[0]?.id ?? null;
  }
}
