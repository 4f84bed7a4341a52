import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/** An uploaded import file (`import_upload`), kept until its job has imported it. */
export interface NewImportUpload {
  id: string;
  agencyId: string | null;
  filename: string;
  format: string;
  content: Buffer;
  validRowsOnly: boolean;
  createdBy: string | null;
  createdAt: Date;
}

/** Import uploads, kept until their job has imported them. */
@Injectable()
export class ImportUploadRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, u: NewImportUpload): Promise<void> {
    await manager.query(
      `INSERT INTO import_upload (id, agency_id, filename, format, size_bytes, content, valid_rows_only, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        u.id,
        u.agencyId,
        u.filename,
        u.format,
        u.content.length,
        u.content,
        u.validRowsOnly,
        u.createdBy,
        u.createdAt,
      ],
    );
  }

  /** The upload as stored (snake_case columns), or undefined. */
  async find(id: string): Promise<Record<string, any> | undefined> {
    const [upload] = await this.dataSource.query(`SELECT * FROM import_upload WHERE id = $1`, [id]);
    return upload;
  }

  /** Records the outcome and drops the file's content: a re-run then returns the outcome. */
  async markImported(
    id: string,
    outcome: unknown,
    at: Date,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager.query(
      `UPDATE import_upload SET imported_at = $2, outcome = $3, content = ''::bytea WHERE id = $1`,
      [id, at, JSON.stringify(outcome)],
    );
  }
}
