import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Văn bản quy phạm pháp luật: a shared catalogue. Dates are ISO `YYYY-MM-DD` strings. */
@Entity('legal_document')
export class LegalDocumentEntity {
  @PrimaryColumn('uuid') id: string;
  @Column() number: string;
  @Column() type: string;
  @Column() issuer: string;
  @Column() title: string;
  @Column({ type: 'date' }) issuedOn: string;
  @Column({ type: 'date' }) effectiveOn: string;
  @Column({ type: 'date', nullable: true }) expiredOn: string | null;
  @Column({ type: 'uuid', nullable: true }) createdBy: string | null;
  @Column({ type: 'uuid', nullable: true }) createdByAgencyId: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
