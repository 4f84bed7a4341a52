/**
 * The import parse, run in a worker thread (see parse-guarded.ts): a file that needs more memory
 * than the worker's limit ends the thread, not the API process.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ImportFileError, ImportTooLargeError } from './errors';
import { ImportOptions, parseImportFile } from './parse-import';
import type { ImportFormat } from './format';

export type WorkerAnswer =
  | { ok: true; result: Awaited<ReturnType<typeof parseImportFile>> }
  | {
      ok: false;
      kind: 'file' | 'too_large' | 'internal';
      problem?: string;
      unit?: 'rows' | 'bytes';
      limit?: number;
      missingColumns?: readonly string[];
      message: string;
    };

const input = workerData as { bytes: Uint8Array; declared?: ImportFormat; options: ImportOptions };
const buffer = Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength);

parseImportFile(buffer, input.declared, input.options).then(
  (result) => parentPort!.postMessage({ ok: true, result } satisfies WorkerAnswer),
  (e: unknown) => {
    let answer: WorkerAnswer;
    if (e instanceof ImportFileError) {
      answer = {
        ok: false,
        kind: 'file',
        problem: e.problem,
        missingColumns: e.missingColumns,
        message: e.message,
      };
    } else if (e instanceof ImportTooLargeError) {
      answer = { ok: false, kind: 'too_large', unit: e.unit, limit: e.limit, message: e.message };
    } else {
      answer = {
        ok: false,
        kind: 'internal',
        message: e instanceof Error ? (e.stack ?? e.message) : String(e),
      };
    }
    parentPort!.postMessage(answer);
  },
);
