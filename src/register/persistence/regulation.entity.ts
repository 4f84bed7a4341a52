import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Quy định kinh doanh: one provision of a legal document, owned by one agency, with its workflow. */
@Entity('regulation')
export class RegulationEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid') legalDocumentId: string;
  @Column() provision: string;
  @Column() title: string;
  @Column() description: string;
  @Column() category: string;
  @Column() sectorCode: string;
  @Column('uuid') agencyId: string;
  @Column({ type: 'varchar', nullable: true }) procedureCode: string | null;
  @Column('text', { array: true }) subjectTypes: string[];
  @Column() searchText: string;
  @Column('jsonb') workflowSnapshot: Record<string, unknown>;
  @Column('int') machineVersion: number;
  @Column('jsonb') state: unknown;
  @Column() stateName: string;
  @Column() published: boolean;
  @Column() planPublic: boolean;
  @Column('int') version: number;
  @Column({ type: 'uuid', nullable: true }) createdBy: string | null;
  @Column({ type: 'uuid', nullable: true }) updatedBy: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
