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
import { ImportWriter } from './imports/import-writer';
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
import { RegulationWorkflowSeed } from './regulation-workflow-seed';

/**
 * The register: sectors, programmes, legal documents and regulations. The workflow plugs in
 * through RegulationWorkflowSeed (a new regulation's initial snapshot) and
 * RegulationDetailExtensions, so the register imports neither it nor any module above it.
 */
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
    ImportWriter,
    ImportUploadRepository,
    SectorRepository,
    RegisterDemoSeeder,
    RegulationRepository,
    LegalDocumentRepository,
    RegulationDetailExtensions,
    RegulationWorkflowSeed,
    ProgrammesService,
    LegalDocumentsService,
    RegulationsService,
  ],
  exports: [
    TypeOrmModule,
    RegulationRepository,
    LegalDocumentRepository,
    RegulationDetailExtensions,
    RegulationWorkflowSeed,
    ProgrammesService,
    RegulationsService,
    RegisterDemoSeeder,
  ],
})
export class RegisterModule {}
