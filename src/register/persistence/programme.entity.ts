import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Chương trình: a target set with a period (NQ68, NQ66 …). */
@Entity('programme')
export class ProgrammeEntity {
  @PrimaryColumn('uuid') id: string;
  @Column() code: string;
  @Column() name: string;
  @Column({ type: 'date' }) startDate: string;
  @Column({ type: 'date' }) endDate: string;
  @Column({ type: 'date' }) baselineDate: string;
  @Column({ type: 'numeric' }) targetCountPct: string;
  @Column({ type: 'numeric' }) targetCostPct: string;
  @Column('int') minConsultationDays: number;
  @Column('text', { array: true }) categories: string[];
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
