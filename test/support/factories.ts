import { JwtService } from '@nestjs/jwt';
import { randomBytes, randomUUID } from 'node:crypto';
import { generateApiKey, hashSecret } from '../../src/identity/auth/authentication.service';
import { PasswordHasher } from '../../src/identity/auth/password-hasher';
import { Role, AgencyKind } from '../../src/identity/domain/roles';
import { TestApp } from './test-app';

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
