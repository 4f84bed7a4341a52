import type { FieldError } from '../../common/field-error';

/** One invalid input field; `field` is a path such as `activities[1].hours` or `frequencyLow`. */
export type CostFieldError = FieldError;

/**
 * Invalid cost input (chi phí tuân thủ). Carries every field error found, so an HTTP layer can answer
 * 400 with `errors: [{field, message}]`; `field` and `message` repeat the first one for convenience.
 */
export class CostInputError extends Error {
  readonly errors: readonly CostFieldError[];
  readonly field: string;

  constructor(errors: readonly CostFieldError[]) {
    if (errors.length === 0) throw new RangeError('CostInputError needs at least one field error');
    super(
      errors.length === 1
        ? `${errors[0].field}: ${errors[0].message}`
        : `${errors.length} invalid fields: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`,
    );
    this.name = 'CostInputError';
    this.errors = Object.freeze(errors.map((e) => ({ ...e })));
    this.field = errors[0].field;
  }

  static single(field: string, message: string): CostInputError {
    return new CostInputError([{ field, message }]);
  }
}
