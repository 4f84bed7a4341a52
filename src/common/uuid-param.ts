import { Param, ParseUUIDPipe } from '@nestjs/common';
import { ValidationProblem } from './problem';

/** A path parameter that must be a UUID; anything else is a 400 naming the parameter. */
export const UuidParam = (name = 'id') =>
  Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () =>
        new ValidationProblem([{ field: name, message: `${name} must be a UUID` }]),
    }),
  );
