import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LegalDocumentEntity } from './persistence/legal-document.entity';
import { ProgrammeEntity } from './persistence/programme.entity';
import { RegulationEntity } from './persistence/regulation.entity';
import { RegulationRepository } from './persistence/regulation.repository';
import { SectorEntity } from './persistence/sector.entity';
import { RegulationDetailExtensions } from './regulation-detail.extensions';

/** The register: sectors, programmes, legal documents and regulations. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      RegulationEntity,
      LegalDocumentEntity,
      ProgrammeEntity,
      SectorEntity,
    ]),
  ],
  providers: [RegulationRepository, RegulationDetailExtensions],
  exports: [TypeOrmModule, RegulationRepository, RegulationDetailExtensions],
})
export class RegisterModule {}
