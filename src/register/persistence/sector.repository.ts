import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/** The sectors (lĩnh vực) a regulation or an import row may name. */
@Injectable()
export class SectorRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The active sectors, by code. */
  active(
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Array<{ code: string; name: string }>> {
    return manager.query(`SELECT code, name FROM sector WHERE active ORDER BY code`);
  }

  /** Every sector's name by code, inactive ones too (exports name what is stored). */
  async namesByCode(): Promise<Map<string, string>> {
    const rows: Array<{ code: string; name: string }> = await this.dataSource.query(
      `SELECT code, name FROM sector`,
    );
    return new Map(rows.map((s) => [s.code, s.name]));
  }
}
