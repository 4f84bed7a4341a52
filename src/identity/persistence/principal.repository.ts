import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { pgPool } from '../../database/pg-pool';
import { AgencyKind, Role } from '../domain/roles';

/** What the access guard needs to know about a user to accept one of their tokens. */
export interface UserAccessFacts {
  id: string;
  role: Role;
  agencyId: string;
  agencyKind: AgencyKind;
  active: boolean;
  agencyActive: boolean;
  tokenVersion: number;
}

/** What `GET /me` answers for a user. */
export interface OwnProfile {
  id: string;
  email: string;
  fullName: string;
  role: Role;
  agencyId: string;
}

/** The access guard's reads: one prepared statement per request at most (and none when cached). */
@Injectable()
export class PrincipalRepository {
  constructor(private readonly dataSource: DataSource) {}

  async userAccessFacts(userId: string): Promise<UserAccessFacts | undefined> {
    const { rows } = await pgPool(this.dataSource).query({
      name: 'identity.user_access_facts',
      text: `SELECT u.id, u.role, u.agency_id, u.active, u.token_version, a.kind AS agency_kind,
                    a.active AS agency_active
               FROM app_user u JOIN agency a ON a.id = u.agency_id WHERE u.id = $1`,
      values: [userId],
    });
    const u = rows[0];
    if (!u) return undefined;
    return {
      id: u.id,
      role: u.role,
      agencyId: u.agency_id,
      agencyKind: u.agency_kind,
      active: u.active,
      agencyActive: u.agency_active,
      tokenVersion: u.token_version,
    };
  }

  /** `GET /me`: one prepared statement. */
  async ownProfile(userId: string): Promise<OwnProfile | undefined> {
    const { rows } = await pgPool(this.dataSource).query({
      name: 'identity.own_profile',
      text: `SELECT id, email, full_name, role, agency_id FROM app_user WHERE id = $1`,
      values: [userId],
    });
    const u = rows[0];
    return u
      ? { id: u.id, email: u.email, fullName: u.full_name, role: u.role, agencyId: u.agency_id }
      : undefined;
  }
}
