import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity('api_key')
export class ApiKeyEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid') agencyId: string;
  @Column() name: string;
  @Column() prefix: string;
  @Column({ select: false }) secretHash: string;
  @Column({ type: 'varchar' }) access: 'read' | 'write';
  @Column({ type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) revokedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) lastUsedAt: Date | null;
}
