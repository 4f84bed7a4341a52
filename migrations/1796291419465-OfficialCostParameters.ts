import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The official yearly figure a first estimate needs (issue 16: on a fresh start no parameter set
 * existed, so the first estimate failed and only an admin could fix it). Seeded by a migration so
 * that every mode (embedded, Postgres, with or without demo data) has it once; it is ordinary
 * data: an admin corrects it with PATCH /cost-parameter-sets/:id (which recalculates the
 * estimates using it) or deletes it while unused, and it is never re-inserted.
 *
 * The figure: GDP per capita at current prices, 2023 — 101.9 million VND per person — published
 * by the General Statistics Office (Tổng cục Thống kê) in its report on the socio-economic
 * situation of Q4 and the year 2023 (29 December 2023). It is the kind of figure the domain's
 * worked example uses as `annualIncomePerCapita` (64.5 million VND, GDP per capita 2020).
 * 101,900,000 / (12 × 22 × 8) = 3184375/66 VND per hour (48,248.11).
 *
 * `source` says where a set's figure comes from (shown and editable through the API). A year
 * already taken by an admin's own set is left alone.
 */
export class OfficialCostParameters1796291419465 implements MigrationInterface {
  name = 'OfficialCostParameters1796291419465';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cost_parameter_set ADD COLUMN source varchar(1000)`);
    await q.query(
      `INSERT INTO cost_parameter_set (id, year, annual_income_per_capita, hourly_rate_exact, source)
       VALUES ('c0575e70-2023-4000-8000-000000002023', 2023, 101900000, '3184375/66', $1)
       ON CONFLICT (year) DO NOTHING`,
      [
        'Tổng cục Thống kê (GSO): GDP bình quân đầu người năm 2023 theo giá hiện hành ước đạt 101,9 triệu đồng/người — Báo cáo tình hình kinh tế - xã hội quý IV và năm 2023, công bố 29/12/2023. Số liệu mặc định khi cài đặt; quản trị viên có thể sửa.',
      ],
    );
    await q.query(
      `INSERT INTO cost_parameter_set_history (parameter_set_id, version, values, changed_by)
       SELECT s.id, 1, jsonb_build_object(
                'year', s.year, 'hourlyRate', '48248.11', 'hourlyRateExact', s.hourly_rate_exact,
                'rateSource', 'derived', 'annualIncomePerCapita', '101900000',
                'monthsPerYear', '12', 'workingDaysPerMonth', '22', 'hoursPerDay', '8',
                'source', s.source), NULL
         FROM cost_parameter_set s
        WHERE s.id = 'c0575e70-2023-4000-8000-000000002023'
          AND NOT EXISTS (SELECT 1 FROM cost_parameter_set_history h WHERE h.parameter_set_id = s.id)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DELETE FROM cost_parameter_set_history WHERE parameter_set_id = 'c0575e70-2023-4000-8000-000000002023'`,
    );
    await q.query(
      `DELETE FROM cost_parameter_set WHERE id = 'c0575e70-2023-4000-8000-000000002023'
         AND NOT EXISTS (SELECT 1 FROM cost_estimate e WHERE e.parameter_set_id = cost_parameter_set.id)`,
    );
    await q.query(`ALTER TABLE cost_parameter_set DROP COLUMN source`);
  }
}
