import {
  CallHandler,
  ExecutionContext,
  HttpException,
  Injectable,
  NestInterceptor,
} from '@nestjs/common';
import { catchError, Observable, throwError } from 'rxjs';
import { ProblemException, ValidationProblem } from '../../common/problem';
import { MAX_ATTACHMENT_BYTES } from '../consultation.config';
import { msg } from '../../common/i18n/catalogue';

/**
 * Declared before MultipartFileInterceptor, so it sees the upload parser's refusals and words them
 * as problems naming the `file` field (its own messages are "File too large", "Unexpected field").
 */
@Injectable()
export class UploadLimitsInterceptor implements NestInterceptor {
  intercept(_ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((err: unknown) => {
        if (err instanceof HttpException && !(err instanceof ProblemException)) {
          if (err.getStatus() === 413) {
            const message = `must be at most ${MAX_ATTACHMENT_BYTES} bytes (${MAX_ATTACHMENT_BYTES / 1024 / 1024} MiB)`;
            return throwError(
              () =>
                new ProblemException(
                  413,
                  'attachment-too-large',
                  msg('attachment.file', { message }),
                  {
                    maxBytes: MAX_ATTACHMENT_BYTES,
                    errors: [{ field: 'file', message }],
                  },
                ),
            );
          }
          if (err.getStatus() === 400) {
            return throwError(
              () =>
                new ValidationProblem([
                  {
                    field: 'file',
                    message: `send one file as the multipart field "file" (${err.message})`,
                  },
                ]),
            );
          }
        }
        return throwError(() => err);
      }),
    );
  }
}
