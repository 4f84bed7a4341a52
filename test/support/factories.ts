import { JwtService } from '@nestjs/jwt';
import { randomBytes, randomUUID } from 'node:crypto';
import { generateApiKey, hashSecret } from '../../src/identity/auth/authentication.service';
import { PasswordHasher } from '../../src/identity/auth/password-hasher';
import { Role, AgencyKind, PUBLIC_AGENCY_ID } from '../../src/identity/domain/roles';
import { FixedClock, TestApp } from './test-app';

export const TEST_PASSWORD = 'correct-horse-battery';
const hashes = new WeakMap<TestApp, Promise<string>>();

const suffix = () => randomBytes(4).toString('hex');

export interface TestAgency {
  id: string;
  code: string;
  kind: AgencyKind;
}

export interface TestUser {
  id: string;
  email: string;
  role: Role;
  agencyId: string;
  token: string;
  /** `Authorization` header value. */
  auth: string;
}

/** Data factories writing straight to the real database (immich-style "medium" tests). */
export async function createAgency(
  t: TestApp,
  kind: AgencyKind,
  code = `${kind.slice(0, 3).toUpperCase()}${suffix()}`,
): Promise<TestAgency> {
  const id = randomUUID();
  await t.dataSource.query(`INSERT INTO agency (id, code, name, kind) VALUES ($1, $2, $3, $4)`, [
    id,
    code,
    `Cơ quan ${code}`,
    kind,
  ]);
  return { id, code, kind };
}

const KIND_FOR_ROLE: Record<Role, AgencyKind> = {
  ministry_officer: 'ministry',
  ministry_lead: 'ministry',
  expert: 'other',
  association: 'association',
  gov_office: 'government_office',
  public: 'other', // unused: public commenters belong to PUBLIC_AGENCY_ID
  admin: 'government_office',
};

export async function createUser(
  t: TestApp,
  role: Role,
  agency?: TestAgency | string,
): Promise<TestUser> {
  const agencyId =
    typeof agency === 'string'
      ? agency
      : role === 'public' && !agency
        ? PUBLIC_AGENCY_ID
        : (agency ?? (await createAgency(t, KIND_FOR_ROLE[role]))).id;
  let hash = hashes.get(t);
  if (!hash) {
    hash = t.app.get(PasswordHasher).hash(TEST_PASSWORD);
    hashes.set(t, hash);
  }
  const id = randomUUID();
  const email = `${role}.${suffix()}@test.regcut.vn`;
  await t.dataSource.query(
    `INSERT INTO app_user (id, email, full_name, role, agency_id, password_hash) VALUES ($1, $2, $3, $4, $5, $6)`,
    [id, email, `Người dùng ${role}`, role, agencyId, await hash],
  );
  const token = await t.app
    .get(JwtService)
    .signAsync({ sub: id, ver: 1 }, { expiresIn: t.config.jwtTtlSeconds });
  return { id, email, role, agencyId, token, auth: `Bearer ${token}` };
}

export async function createApiKey(
  t: TestApp,
  agencyId: string,
  access: 'read' | 'write',
): Promise<string> {
  const { prefix, secret, key } = generateApiKey();
  await t.dataSource.query(
    `INSERT INTO api_key (id, agency_id, name, prefix, secret_hash, access) VALUES ($1, $2, $3, $4, $5, $6)`,
    [randomUUID(), agencyId, 'test key', prefix, hashSecret(secret), access],
  );
  return key;
}

export interface TestRegulation {
  id: string;
  agencyId: string;
  legalDocumentId: string;
}

let docSerial = 1000;

/** A legal document in the shared catalogue (a decree in force since 2019 unless told otherwise). */
export async function createLegalDocument(
  t: TestApp,
  over: Partial<{
    number: string;
    type: string;
    issuer: string;
    title: string;
    issuedOn: string;
    effectiveOn: string;
    expiredOn: string | null;
  }> = {},
): Promise<string> {
  const id = randomUUID();
  const n = docSerial++;
  await t.dataSource.query(
    `INSERT INTO legal_document (id, number, type, issuer, title, issued_on, effective_on, expired_on) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`,
    [
      id,
      over.number ?? `${n}/2019/NĐ-CP`,
      over.type ?? 'decree',
      over.issuer ?? 'Chính phủ',
      over.title ?? `Nghị định số ${n}/2019/NĐ-CP quy định chi tiết`,
      over.issuedOn ?? '2019-01-15',
      over.effectiveOn ?? '2019-03-01',
      over.expiredOn ?? null,
    ],
  );
  return id;
}

/**
 * A regulation placed directly in a workflow state (a fixture path of the pure statechart), for
 * tests of features that need a regulation in that state without walking the workflow first.
 */
export async function createRegulation(
  t: TestApp,
  agencyId: string,
  over: Partial<{
    state: import('../../src/workflow/domain/workflow.fixtures').FixtureState;
    title: string;
    description: string;
    category: string;
    sectorCode: string;
    legalDocumentId: string;
    procedureCode: string;
    provision: string;
  }> = {},
): Promise<TestRegulation> {
  const { reach } = await import('../../src/workflow/domain/workflow.fixtures');
  const { initialSnapshot, stateOf } = await import('../../src/workflow/domain');
  const snapshot = over.state ? reach(over.state) : initialSnapshot(new Date().toISOString());
  const { state, stateName } = stateOf(snapshot);
  const legalDocumentId = over.legalDocumentId ?? (await createLegalDocument(t));
  const id = randomUUID();
  const title = over.title ?? 'Thủ tục cấp giấy chứng nhận đủ điều kiện kinh doanh';
  const { regulationSearchText } = await import('../../src/register/regulations/search-text');
  const [doc] = await t.dataSource.query(`SELECT number, type FROM legal_document WHERE id = $1`, [
    legalDocumentId,
  ]);
  const searchText = regulationSearchText(
    {
      title,
      description: over.description ?? '',
      provision: over.provision ?? 'Điều 4 khoản 1',
      procedureCode: over.procedureCode ?? null,
    },
    doc,
  );
  const published =
    stateName !== 'draft' &&
    !(
      stateName === 'withdrawn' &&
      (snapshot.snapshot.context as any)?.withdrawal?.fromState === 'draft'
    );
  const planPublic = [
    'consultation',
    'responding',
    'government_office_review',
    'awaiting_decision',
    'implementing',
    'implemented',
    'rejected',
  ].includes(stateName);
  await t.dataSource.query(
    `INSERT INTO regulation (id, legal_document_id, provision, title, description, category, sector_code, agency_id, procedure_code,
       search_text, workflow_snapshot, machine_version, state, state_name, published, plan_public)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16)`,
    [
      id,
      legalDocumentId,
      over.provision ?? 'Điều 4 khoản 1',
      title,
      over.description ?? '',
      over.category ?? 'administrative_procedure',
      over.sectorCode ?? 'food_safety',
      agencyId,
      over.procedureCode ?? null,
      searchText,
      JSON.stringify(snapshot),
      snapshot.machineVersion,
      JSON.stringify(state),
      stateName,
      published,
      planPublic,
    ],
  );
  return { id, agencyId, legalDocumentId };
}

/**
 * Tokens expire by the service's clock: when a test moves the fixed clock, every user gets a token
 * issued at the new time, as if they had signed in again.
 */
export function reissueTokensWhenClockMoves(t: TestApp, clock: FixedClock, users: TestUser[]) {
  const reissue = () => {
    const iat = Math.floor(clock.now().getTime() / 1000);
    for (const u of users) {
      u.token = t.app
        .get(JwtService)
        .sign({ sub: u.id, ver: 1, iat }, { expiresIn: t.config.jwtTtlSeconds });
      u.auth = `Bearer ${u.token}`;
    }
  };
  const set = clock.set.bind(clock);
  const advance = clock.advance.bind(clock);
  clock.set = (at) => {
    set(at);
    reissue();
  };
  clock.advance = (ms) => {
    advance(ms);
    reissue();
  };
  reissue();
}
