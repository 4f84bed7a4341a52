import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Role } from '../domain/roles';

@Entity('app_user')
export class UserEntity {
  @PrimaryColumn('uuid') id: string;
  @Column() email: string;
  @Column() fullName: string;
  @Column({ type: 'varchar' }) role: Role;
  @Column('uuid') agencyId: string;
  @Column({ select: false }) passwordHash: string;
  @Column() active: boolean;
  @Column('int') tokenVersion: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
