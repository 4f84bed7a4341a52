import { Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { ValidationProblem } from './problem';

/**
 * A path parameter that must be a UUID; anything else is a 400 naming the parameter. It is also
 * documented as `format: uuid` (ApiParam is a method decorator: applied to the handler here).
 */
export const UuidParam =
  (name = 'id'): ParameterDecorator =>
  (target, key, index) => {
    Param(
      name,
      new ParseUUIDPipe({
        exceptionFactory: () =>
          new ValidationProblem([{ field: name, message: `${name} must be a UUID` }]),
      }),
    )(target, key, index);
    if (key === undefined) return;
    const handler = (target as Record<string | symbol, unknown>)[key];
    ApiParam({ name, type: String, format: 'uuid' })(target, key, {
      value: handler,
    } as PropertyDescriptor);
  };
