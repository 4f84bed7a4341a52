import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { Role } from '../domain/roles';
import { UserEntity } from '../persistence/user.entity';

/** Whom a message can reach: an active user with an address. */
export interface Recipient {
  id: string;
  email: string;
  fullName: string;
  role: Role;
  agencyId: string;
}

const recipient = (u: UserEntity): Recipient => ({
  id: u.id,
  email: u.email,
  fullName: u.fullName,
  role: u.role,
  agencyId: u.agencyId,
});

/** The identity module's port for other modules that address users (notifications). */
@Injectable()
export class UserDirectory {
  constructor(private readonly dataSource: DataSource) {}

  /** The active ones among `ids`. */
  async active(
    ids: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Recipient[]> {
    if (ids.length === 0) return [];
    const users = await manager.find(UserEntity, {
      where: { id: In([...new Set(ids)]), active: true },
    });
    return users.map(recipient);
  }

  /** The active users of an agency with one of `roles`. */
  async ofAgency(
    agencyId: string,
    roles: readonly Role[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Recipient[]> {
    const users = await manager.find(UserEntity, {
      where: { agencyId, role: In([...roles]), active: true },
      order: { createdAt: 'ASC' },
    });
    return users.map(recipient);
  }
}
