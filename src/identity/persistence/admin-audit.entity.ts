import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Who changed what in the administration of the system (users, agencies, keys, parameters …). */
@Entity('admin_audit_log')
export class AdminAuditEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ type: 'timestamptz' }) at: Date;
  @Column({ type: 'uuid', nullable: true }) actorId: string | null;
  @Column() actorRole: string;
  @Column() action: string;
  @Column() entityType: string;
  @Column({ type: 'varchar', nullable: true }) entityId: string | null;
  @Column({ type: 'jsonb' }) changes: Record<string, unknown>;
}
