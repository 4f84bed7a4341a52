import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LegalDocumentEntity } from './persistence/legal-document.entity';
import { ProgrammeEntity } from './persistence/programme.entity';
import { RegulationEntity } from './persistence/regulation.entity';
import { RegulationRepository } from './persistence/regulation.repository';
import { SectorEntity } from './persistence/sector.entity';
import { LegalDocumentRepository } from './persistence/legal-document.repository';
import { ImportUploadRepository } from './persistence/import-upload.repository';
import { SectorRepository } from './persistence/sector.repository';
import { ImportsController } from './imports/imports.controller';
import { ImportsService } from './imports/imports.service';
import { LegalDocumentsController } from './legal-documents/legal-documents.controller';
import { LegalDocumentsService } from './legal-documents/legal-documents.service';
import { ProgrammesController } from './programmes/programmes.controller';
import { ProgrammesService } from './programmes/programmes.service';
import { RegulationsController } from './regulations/regulations.controller';
import { RegulationsExportController } from './regulations/regulations-export.controller';
import { RegulationsService } from './regulations/regulations.service';
import { SectorsController } from './sectors/sectors.controller';
import { RegisterDemoSeeder } from './seed/register-demo-seeder';
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
  controllers: [
    ImportsController,
    RegulationsExportController,
    SectorsController,
    ProgrammesController,
    LegalDocumentsController,
    RegulationsController,
  ],
  providers: [
    ImportsService,
    ImportUploadRepository,
    SectorRepository,
    RegisterDemoSeeder,
    RegulationRepository,
    LegalDocumentRepository,
    RegulationDetailExtensions,
    ProgrammesService,
    LegalDocumentsService,
    RegulationsService,
  ],
  exports: [
    TypeOrmModule,
    RegulationRepository,
    LegalDocumentRepository,
    RegulationDetailExtensions,
    ProgrammesService,
    RegulationsService,
    RegisterDemoSeeder,
  ],
})
export class RegisterModule {}
