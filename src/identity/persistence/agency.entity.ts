import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { AgencyKind } from '../domain/roles';

/** Cơ quan: a ministry, province, association, the Government Office, or another body. */
@Entity('agency')
export class AgencyEntity {
  @PrimaryColumn('uuid') id: string;
  @Column() code: string;
  @Column() name: string;
  @Column({ type: 'varchar' }) kind: AgencyKind;
  @Column() active: boolean;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
