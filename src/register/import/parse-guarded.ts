/**
 * parseImportFile in a worker thread with a memory limit. Whatever a file holds, its parse cannot
 * take the API process down: running out of memory there ends the thread, and the import is
 * refused as too large. No library's text reaches the user: internal failures are logged and
 * reported as an unreadable file.
 */
import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ImportFileError, ImportFileProblem, ImportTooLargeError } from './errors';
import type { ImportFormat } from './format';
import { ImportOptions, ImportResult } from './parse-import';
import type { WorkerAnswer } from './parse-worker';

export interface ParseGuard {
  /** The worker's V8 old-generation limit, MiB. */
  memoryMb: number;
  /** Receives the detail of an internal failure (the user sees only that the file is unreadable). */
  onInternalError?: (detail: string) => void;
}

export const DEFAULT_PARSE_MEMORY_MB = 1024;

function workerScript(): { script: string; eval: boolean } {
  const file = join(__dirname, `parse-worker${extname(__filename)}`);
  if (extname(__filename) !== '.ts') return { script: file, eval: false };
  // Running from TypeScript sources (tests, bench): compile the worker's modules on load.
  return {
    script: `require('ts-node').register({ transpileOnly: true, swc: true }); require(${JSON.stringify(file)});`,
    eval: true,
  };
}

const UNREADABLE =
  'the file cannot be read as a spreadsheet; save it again from Excel as .xlsx or CSV UTF-8';

export function parseImportFileGuarded(
  buffer: Buffer,
  declared: ImportFormat | undefined,
  options: ImportOptions,
  guard: ParseGuard = { memoryMb: DEFAULT_PARSE_MEMORY_MB },
): Promise<ImportResult> {
  const { script, eval: isEval } = workerScript();
  const bytes = new Uint8Array(buffer); // a copy, moved to the worker
  return new Promise<ImportResult>((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
    };
    const worker = new Worker(script, {
      eval: isEval,
      workerData: { bytes, declared, options },
      transferList: [bytes.buffer],
      resourceLimits: { maxOldGenerationSizeMb: guard.memoryMb, maxYoungGenerationSizeMb: 32 },
      stdout: false,
      stderr: false,
    });
    worker.on('message', (answer: WorkerAnswer) => {
      settle(() => {
        if (answer.ok) return resolve(answer.result);
        if (answer.kind === 'file') {
          return reject(
            new ImportFileError(
              answer.problem as ImportFileProblem,
              answer.message,
              answer.missingColumns,
            ),
          );
        }
        if (answer.kind === 'too_large') {
          return reject(new ImportTooLargeError(answer.unit!, answer.limit!, answer.message));
        }
        guard.onInternalError?.(answer.message);
        reject(new ImportFileError('corrupt', UNREADABLE));
      });
      void worker.terminate();
    });
    worker.on('error', (err: Error & { code?: string }) => {
      settle(() => {
        if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') {
          return reject(
            new ImportTooLargeError(
              'bytes',
              guard.memoryMb,
              `reading the file needs more memory than the import allows (${guard.memoryMb} MiB); split it into smaller files`,
            ),
          );
        }
        guard.onInternalError?.(err.stack ?? String(err));
        reject(new ImportFileError('corrupt', UNREADABLE));
      });
    });
    worker.on('exit', (code) => {
      settle(() => {
        guard.onInternalError?.(`import parse worker exited with code ${code}`);
        reject(new ImportFileError('corrupt', UNREADABLE));
      });
    });
  });
}
