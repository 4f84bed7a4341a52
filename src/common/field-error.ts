/**
 * One invalid field, as every layer reports it (400 `errors: [{field, message}]`): the domain
 * validators, the DTO validation and the import's row errors. `message` is the English text; the
 * problem filter serves it in the request's language through the message catalogue (common/i18n).
 * Pure: no Nest or TypeORM imports, so the pure domain cores may use it.
 */
export interface FieldError {
  /** A path such as `activities[1].hours`, `If-Match` or `number`; never translated. */
  field: string;
  message: string;
}
