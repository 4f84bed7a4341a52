import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The register (sectors, programmes, legal documents, regulations with their workflow state) and
 * compliance costs (parameter sets, the plan, baseline/proposed estimates, with history).
 */
export class RegisterAndCosting1764190200000 implements MigrationInterface {
  name = 'RegisterAndCosting1764190200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sector (
        code varchar(50) PRIMARY KEY,
        name varchar(200) NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      INSERT INTO sector (code, name) VALUES
        ('food_safety', 'An toàn thực phẩm'),
        ('health', 'Y tế'),
        ('pharmaceuticals', 'Dược, mỹ phẩm và trang thiết bị y tế'),
        ('trade', 'Thương mại'),
        ('industry', 'Công nghiệp'),
        ('energy', 'Năng lượng'),
        ('construction', 'Xây dựng'),
        ('transport', 'Giao thông vận tải'),
        ('finance', 'Tài chính'),
        ('tax', 'Thuế'),
        ('customs', 'Hải quan'),
        ('banking', 'Ngân hàng'),
        ('agriculture', 'Nông nghiệp và phát triển nông thôn'),
        ('labour', 'Lao động, thương binh và xã hội'),
        ('education', 'Giáo dục và đào tạo'),
        ('information_communications', 'Thông tin và truyền thông'),
        ('environment', 'Tài nguyên và môi trường'),
        ('planning_investment', 'Kế hoạch và đầu tư'),
        ('justice', 'Tư pháp'),
        ('culture_tourism', 'Văn hóa, thể thao và du lịch'),
        ('science_technology', 'Khoa học và công nghệ'),
        ('home_affairs', 'Nội vụ'),
        ('public_security', 'An ninh, trật tự')`);

    await q.query(`
      CREATE TABLE programme (
        id uuid PRIMARY KEY,
        code varchar(30) NOT NULL,
        name varchar(300) NOT NULL,
        start_date date NOT NULL,
        end_date date NOT NULL,
        baseline_date date NOT NULL,
        target_count_pct numeric(5,2) NOT NULL CHECK (target_count_pct >= 0 AND target_count_pct <= 100),
        target_cost_pct numeric(5,2) NOT NULL CHECK (target_cost_pct >= 0 AND target_cost_pct <= 100),
        min_consultation_days integer NOT NULL DEFAULT 30 CHECK (min_consultation_days >= 0),
        categories text[] NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (end_date >= start_date)
      )`);
    await q.query(`CREATE UNIQUE INDEX programme_code_unique ON programme (upper(code))`);
    const all = `ARRAY['administrative_procedure','business_condition','reporting_regime','technical_standard','specialized_inspection','other']`;
    await q.query(`
      INSERT INTO programme (id, code, name, start_date, end_date, baseline_date, target_count_pct, target_cost_pct, min_consultation_days, categories) VALUES
        ('6a000000-0000-4000-8000-000000000068', 'NQ68',
         'Chương trình cắt giảm, đơn giản hóa quy định liên quan đến hoạt động kinh doanh giai đoạn 2020 – 2025 (Nghị quyết 68/NQ-CP)',
         '2020-05-12', '2025-12-31', '2020-05-31', 20, 20, 30, ${all}),
        ('6a000000-0000-4000-8000-000000000066', 'NQ66',
         'Chương trình cắt giảm, đơn giản hóa thủ tục hành chính liên quan đến hoạt động sản xuất, kinh doanh năm 2025 và 2026 (Nghị quyết 66/NQ-CP)',
         '2025-03-26', '2026-12-31', '2024-12-31', 30, 30, 30, ${all})`);

    await q.query(`
      CREATE TABLE legal_document (
        id uuid PRIMARY KEY,
        number varchar(100) NOT NULL,
        type varchar(30) NOT NULL CHECK (type IN ('law', 'ordinance', 'resolution', 'decree', 'pm_decision', 'circular', 'joint_circular', 'provincial_decision', 'other')),
        issuer varchar(300) NOT NULL,
        title varchar(1000) NOT NULL,
        issued_on date NOT NULL,
        effective_on date NOT NULL,
        expired_on date,
        created_by uuid REFERENCES app_user (id),
        created_by_agency_id uuid REFERENCES agency (id),
        -- millisecond precision: keyset cursors carry it exactly
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (effective_on >= issued_on),
        CHECK (expired_on IS NULL OR expired_on > effective_on)
      )`);
    // Numbers alone collide across issuers and years: number + issuer + issued date identify one.
    await q.query(
      `CREATE UNIQUE INDEX legal_document_identity ON legal_document (upper(number), lower(issuer), issued_on)`,
    );
    await q.query(
      `CREATE INDEX legal_document_in_force ON legal_document (effective_on, expired_on)`,
    );

    await q.query(`
      CREATE TABLE regulation (
        id uuid PRIMARY KEY,
        legal_document_id uuid NOT NULL REFERENCES legal_document (id),
        provision varchar(500) NOT NULL,
        title varchar(1000) NOT NULL,
        description text NOT NULL DEFAULT '',
        category varchar(40) NOT NULL CHECK (category IN ('administrative_procedure', 'business_condition', 'reporting_regime', 'technical_standard', 'specialized_inspection', 'other')),
        sector_code varchar(50) NOT NULL REFERENCES sector (code),
        agency_id uuid NOT NULL REFERENCES agency (id),
        procedure_code varchar(30),
        subject_types text[] NOT NULL DEFAULT '{}',
        -- what search matches: title, description, provision, procedure code, document number and type
        search_text text NOT NULL DEFAULT '',
        -- the workflow: the persisted XState snapshot, its value and top-level state
        workflow_snapshot jsonb NOT NULL,
        machine_version integer NOT NULL,
        state jsonb NOT NULL,
        state_name varchar(40) NOT NULL,
        -- published once it left draft (not by withdrawal from draft); plan public once consulted
        published boolean NOT NULL DEFAULT false,
        plan_public boolean NOT NULL DEFAULT false,
        version integer NOT NULL DEFAULT 1,
        created_by uuid REFERENCES app_user (id),
        updated_by uuid REFERENCES app_user (id),
        -- millisecond precision: keyset cursors carry it exactly
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX regulation_page ON regulation (created_at, id)`);
    await q.query(`CREATE INDEX regulation_agency ON regulation (agency_id, created_at, id)`);
    await q.query(`CREATE INDEX regulation_state_name ON regulation (state_name)`);
    await q.query(`CREATE INDEX regulation_category ON regulation (category)`);
    await q.query(`CREATE INDEX regulation_sector ON regulation (sector_code)`);
    await q.query(`CREATE INDEX regulation_document ON regulation (legal_document_id)`);
    await q.query(
      `CREATE INDEX regulation_search ON regulation USING gin (search_normalize(search_text) gin_trgm_ops)`,
    );

    await q.query(`
      CREATE TABLE cost_parameter_set (
        id uuid PRIMARY KEY,
        year integer NOT NULL CHECK (year BETWEEN 1990 AND 2100),
        hourly_rate numeric,
        annual_income_per_capita numeric,
        months_per_year numeric NOT NULL DEFAULT 12,
        working_days_per_month numeric NOT NULL DEFAULT 22,
        hours_per_day numeric NOT NULL DEFAULT 8,
        -- the rate as an exact fraction "numerator/denominator", never a rounded decimal
        hourly_rate_exact varchar(200) NOT NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((hourly_rate IS NULL) <> (annual_income_per_capita IS NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX cost_parameter_set_year ON cost_parameter_set (year)`);
    await q.query(`
      CREATE TABLE cost_parameter_set_history (
        id bigserial PRIMARY KEY,
        parameter_set_id uuid NOT NULL REFERENCES cost_parameter_set (id),
        version integer NOT NULL,
        values jsonb NOT NULL,
        changed_by uuid,
        changed_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (parameter_set_id, version)
      )`);

    // Phương án cắt giảm, đơn giản hóa: one current plan per regulation.
    await q.query(`
      CREATE TABLE regulation_plan (
        regulation_id uuid PRIMARY KEY REFERENCES regulation (id),
        action varchar(20) NOT NULL CHECK (action IN ('abolish', 'simplify', 'amend')),
        description text NOT NULL,
        target_document varchar(500),
        programme_id uuid NOT NULL REFERENCES programme (id),
        version integer NOT NULL DEFAULT 1,
        updated_by uuid,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX regulation_plan_programme ON regulation_plan (programme_id)`);

    await q.query(`
      CREATE TABLE cost_estimate (
        id uuid PRIMARY KEY,
        regulation_id uuid NOT NULL REFERENCES regulation (id),
        kind varchar(10) NOT NULL CHECK (kind IN ('baseline', 'proposed')),
        parameter_set_id uuid NOT NULL REFERENCES cost_parameter_set (id),
        subject_type varchar(20) NOT NULL CHECK (subject_type IN ('business', 'citizen', 'administration')),
        cost_kind varchar(20) NOT NULL CHECK (cost_kind IN ('recurring', 'one_off')),
        -- the validated inputs (activities, money, frequency, subjects, ranges) as decimal strings
        inputs jsonb NOT NULL,
        -- the calculator's breakdown (strings), and the rounded figures reports sum
        results jsonb NOT NULL,
        unit_cost numeric NOT NULL,
        annual_cost numeric NOT NULL,
        annual_cost_low numeric,
        annual_cost_high numeric,
        -- the unrounded annual cost as an exact fraction, so savings are rounded once
        annual_cost_exact varchar(400) NOT NULL,
        version integer NOT NULL DEFAULT 1,
        reason text,
        updated_by uuid,
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (regulation_id, kind)
      )`);
    await q.query(
      `CREATE INDEX cost_estimate_parameter_set ON cost_estimate (parameter_set_id, id)`,
    );
    await q.query(`
      CREATE TABLE cost_estimate_history (
        id bigserial PRIMARY KEY,
        estimate_id uuid NOT NULL REFERENCES cost_estimate (id),
        regulation_id uuid NOT NULL REFERENCES regulation (id),
        kind varchar(10) NOT NULL,
        version integer NOT NULL,
        parameter_set_id uuid NOT NULL,
        inputs jsonb NOT NULL,
        results jsonb NOT NULL,
        annual_cost numeric NOT NULL,
        -- manual (PUT), feedback (an accepted consultation item), recalculation (parameter set edit)
        source varchar(20) NOT NULL CHECK (source IN ('manual', 'feedback', 'recalculation')),
        reason text,
        feedback_id uuid,
        changed_by uuid,
        changed_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (estimate_id, version)
      )`);
    await q.query(
      `CREATE INDEX cost_estimate_history_regulation ON cost_estimate_history (regulation_id, id)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'cost_estimate_history',
      'cost_estimate',
      'regulation_plan',
      'cost_parameter_set_history',
      'cost_parameter_set',
      'regulation',
      'legal_document',
      'programme',
      'sector',
    ]) {
      await q.query(`DROP TABLE ${t}`);
    }
  }
}
