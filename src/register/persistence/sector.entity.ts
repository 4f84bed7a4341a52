import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** Ngành, lĩnh vực: a list kept by admin. */
@Entity('sector')
export class SectorEntity {
  @PrimaryColumn() code: string;
  @Column() name: string;
  @Column() active: boolean;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
