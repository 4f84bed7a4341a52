import {
  BadRequestException,
  CallHandler,
  createParamDecorator,
  ExecutionContext,
  HttpException,
  mixin,
  NestInterceptor,
  PayloadTooLargeException,
  Type,
} from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Observable } from 'rxjs';

/** One uploaded file, read into memory (as multer's memory storage gave it). */
export interface MultipartFile {
  fieldname: string;
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

const UPLOADED = Symbol('uploaded multipart file');
type WithUpload = FastifyRequest & { [UPLOADED]?: MultipartFile };

export interface MultipartFileOptions {
  /** Larger files are cut off while they stream in: a 413. */
  maxBytes: number;
}

/**
 * Reads a multipart body with @fastify/multipart: at most one file, in the field `field`, of at
 * most `maxBytes` (the upload stops being read there: 413); a file in another field is a 400;
 * other (text) fields are ignored. A request that is not multipart has no file. The file is
 * then `@UploadedMultipartFile()`.
 */
export function MultipartFileInterceptor(
  field: string,
  { maxBytes }: MultipartFileOptions,
): Type<NestInterceptor> {
  class Interceptor implements NestInterceptor {
    async intercept(ctx: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
      const req = ctx.switchToHttp().getRequest<WithUpload>();
      if (req.isMultipart()) {
        try {
          req[UPLOADED] = await readOneFile(req, field, maxBytes);
        } catch (err) {
          // Let the rest of the body drain, so the answer reaches the client.
          req.raw.unpipe();
          req.raw.resume();
          throw err;
        }
      }
      return next.handle();
    }
  }
  return mixin(Interceptor);
}

async function readOneFile(
  req: FastifyRequest,
  field: string,
  maxBytes: number,
): Promise<MultipartFile | undefined> {
  let file: MultipartFile | undefined;
  const parts = req.parts({
    limits: { fileSize: maxBytes, files: 1 },
    // Browsers send the file name as raw UTF-8 ("Báo cáo.pdf"), not latin1 (busboy's option,
    // missing from the plugin's types).
    ...({ defParamCharset: 'utf8' } as object),
  });
  try {
    for await (const part of parts) {
      if (part.type !== 'file') continue;
      if (part.fieldname !== field) {
        part.file.resume();
        throw new BadRequestException(`Unexpected field "${part.fieldname}"`);
      }
      const buffer = await part.toBuffer();
      file = {
        fieldname: part.fieldname,
        originalname: part.filename,
        mimetype: part.mimetype,
        size: buffer.length,
        buffer,
      };
    }
  } catch (err) {
    const e = err as { statusCode?: number; code?: string; message?: string };
    if (e.code === 'FST_REQ_FILE_TOO_LARGE') throw new PayloadTooLargeException('File too large');
    if (e.code === 'FST_FILES_LIMIT') throw new PayloadTooLargeException('Too many files');
    // busboy's own refusals ("Unexpected end of form", no boundary) are the client's.
    if (!(err instanceof HttpException) && typeof e.statusCode !== 'number') {
      throw new BadRequestException(`The multipart body could not be read (${e.message})`);
    }
    throw err;
  }
  return file;
}

/** The file MultipartFileInterceptor read (undefined when none was sent). */
export const UploadedMultipartFile = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext) => ctx.switchToHttp().getRequest<WithUpload>()[UPLOADED],
);
