import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { ProblemException } from '../../common/problem';
import { TransactionRunner } from '../../database/transaction-runner';
import { Principal } from '../../identity/domain/principal';
import { JobRunHandler } from '../../jobs/decorators';
import { JobRunContext, JobRunFailure, JobRunHandlerClass } from '../../jobs/runs/job-run-handler';
import { JobRunService } from '../../jobs/runs/job-run.service';
import {
  describeNonSpreadsheet,
  detectFormat,
  ImportFileError,
  ImportRowError,
  ImportTooLargeError,
  parseImportFileGuarded,
} from '../import';
import { ImportUploadRepository } from '../persistence/import-upload.repository';
import { ImportWriter } from './import-writer';
import { RegulationWorkflowSeed } from '../regulation-workflow-seed';
import { SectorRepository } from '../persistence/sector.repository';

export const IMPORT_JOB = 'register.import';
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 200_000;
/** The parse worker's heap limit, MiB (the memory guard of an import). */
export const IMPORT_PARSE_MEMORY_MB = 1024;
export const IMPORT_INTERNAL_ERROR =
  'the import stopped on an internal error and imported nothing; upload the file again later';
// A job result stays readable; the full list goes to the XLSX error report up to this many rows.
const MAX_REPORTED_ERRORS = 50_000;

export interface ImportOutcome {
  outcome: 'imported' | 'rejected' | 'unreadable';
  totalRows: number;
  validRows: number;
  invalidRows: number;
  imported: number;
  documentsCreated: number;
  documentsReused: number;
  errorCount: number;
  errors: ImportRowError[];
  /** For an unreadable file: the HTTP status the problem would have (400 or 413). */
  httpStatus?: number;
  message?: string;
}

/** Bulk import of legal documents and regulations from XLSX or CSV, as a background job. */
@Injectable()
@JobRunHandler(IMPORT_JOB)
export class ImportsService implements JobRunHandlerClass {
  private readonly logger = new Logger('Imports');

  constructor(
    private readonly uploads: ImportUploadRepository,
    private readonly writer: ImportWriter,
    private readonly sectors: SectorRepository,
    private readonly transactions: TransactionRunner,
    private readonly jobRuns: JobRunService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly workflowSeed: RegulationWorkflowSeed,
  ) {}

  /** Stores the upload and queues its import; the answer is the job to follow at GET /jobs/:id. */
  async start(
    actor: Principal,
    file: { buffer: Buffer; originalname: string },
    validRowsOnly: boolean,
  ): Promise<{ jobId: string }> {
    const problem = describeNonSpreadsheet(file.buffer);
    if (problem)
      throw new ProblemException(400, 'not-a-spreadsheet', problem, {
        errors: [{ field: 'file', message: problem }],
      });
    const format = detectFormat(file.buffer) ?? 'csv';
    return this.transactions.run(async (tx) => {
      const uploadId = randomUUID();
      await this.uploads.insert(tx.manager, {
        id: uploadId,
        agencyId: actor.agencyId,
        filename: file.originalname.slice(0, 300),
        format,
        content: file.buffer,
        validRowsOnly,
        createdBy: actor.userId,
        createdAt: this.clock.now(),
      });
      const jobId = await this.jobRuns.create(
        tx,
        IMPORT_JOB,
        { uploadId },
        actor.userId,
        actor.agencyId,
      );
      return { jobId };
    });
  }

  async run(ctx: JobRunContext): Promise<Record<string, unknown>> {
    let outcome: Record<string, unknown>;
    try {
      outcome = await this.runImport(ctx);
    } catch (err) {
      // The job's error is shown to the user: no driver's or library's text, that goes to the log.
      this.logger.error(
        `import job ${ctx.id} failed: ${err instanceof Error ? err.stack : String(err)}`,
      );
      throw new Error(IMPORT_INTERNAL_ERROR);
    }
    // An unreadable file did not import: the job failed, its reason is the job's error.
    if (outcome.outcome === 'unreadable')
      throw new JobRunFailure(String(outcome.message ?? 'the file cannot be read'), outcome);
    return outcome;
  }

  private async runImport(ctx: JobRunContext): Promise<Record<string, unknown>> {
    const uploadId = String(ctx.payload.uploadId);
    const upload = await this.uploads.find(uploadId);
    if (!upload) throw new Error(`import upload ${uploadId} is gone`);
    // A re-run after the import committed returns what it did, and writes nothing twice.
    if (upload.imported_at) return upload.outcome;
    const outcome = await this.importBuffer(upload.content, {
      agencyId: upload.agency_id,
      userId: upload.created_by,
      validRowsOnly: upload.valid_rows_only,
      format: upload.format,
      uploadId,
      // Progress during the write phase is written from inside its transaction through a second
      // connection; the embedded database has only one, so it then reports the start and the end.
      onProgress: (done, total) =>
        done === 0 || this.config.dbPoolSize > 1 ? ctx.progress(done, total) : undefined,
    });
    return outcome as unknown as Record<string, unknown>;
  }

  /** Parses, validates and writes in one transaction (also used by the command-line import). */
  async importBuffer(
    buffer: Buffer,
    opts: {
      agencyId: string;
      userId: string | null;
      validRowsOnly: boolean;
      format?: 'xlsx' | 'csv';
      uploadId?: string;
      onProgress?: (done: number, total: number) => Promise<void> | void;
    },
  ): Promise<ImportOutcome> {
    const sectors = await this.sectors.active();
    let parsed;
    try {
      // In a worker thread with a memory limit: no file can take this process down.
      parsed = await parseImportFileGuarded(
        buffer,
        opts.format,
        { maxRows: MAX_IMPORT_ROWS, sectors, maxErrors: MAX_REPORTED_ERRORS },
        {
          memoryMb: IMPORT_PARSE_MEMORY_MB,
          onInternalError: (detail) => this.logger.error(`import parse failed: ${detail}`),
        },
      );
    } catch (err) {
      if (err instanceof ImportFileError || err instanceof ImportTooLargeError) {
        const outcome: ImportOutcome = {
          outcome: 'unreadable',
          totalRows: 0,
          validRows: 0,
          invalidRows: 0,
          imported: 0,
          documentsCreated: 0,
          documentsReused: 0,
          errorCount: 0,
          errors: [],
          httpStatus: err instanceof ImportTooLargeError ? 413 : 400,
          message: err.message,
        };
        await this.finish(opts.uploadId, outcome);
        return outcome;
      }
      throw err;
    }
    const base = {
      totalRows: parsed.totalRows,
      validRows: parsed.rows.length,
      invalidRows: parsed.invalidRows,
      errorCount: parsed.errorCount,
      errors: parsed.errors,
    };
    await opts.onProgress?.(0, parsed.rows.length);
    if (parsed.errorCount > 0 && !opts.validRowsOnly) {
      const outcome: ImportOutcome = {
        ...base,
        outcome: 'rejected',
        imported: 0,
        documentsCreated: 0,
        documentsReused: 0,
      };
      await this.finish(opts.uploadId, outcome);
      return outcome;
    }
    return this.transactions.run(async ({ manager }) => {
      const now = this.clock.now();
      const written = await this.writer.write(manager, parsed.rows, {
        agencyId: opts.agencyId,
        userId: opts.userId,
        now,
        workflow: this.workflowSeed.initial(now.toISOString()),
        onProgress: async (done) => {
          await opts.onProgress?.(done, parsed.rows.length);
        },
      });
      const outcome: ImportOutcome = {
        ...base,
        outcome: 'imported',
        imported: written.regulations,
        documentsCreated: written.documentsCreated,
        documentsReused: written.documentsReused,
      };
      await this.finish(opts.uploadId, outcome, manager);
      this.logger.log(`imported ${written.regulations} regulations for agency ${opts.agencyId}`);
      return outcome;
    });
  }

  private async finish(
    uploadId: string | undefined,
    outcome: ImportOutcome,
    manager?: EntityManager,
  ) {
    if (!uploadId) return;
    await this.uploads.markImported(uploadId, outcome, this.clock.now(), manager);
  }
}
