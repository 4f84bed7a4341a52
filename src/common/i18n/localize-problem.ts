import type { FieldError } from '../field-error';
import { defaultTitle, PROBLEM_MESSAGES, ProblemBody } from '../problem';
import { localizeText, MESSAGES, MessageKey, translate, translateMessage } from './catalogue';
import { Language } from './language';

/** A field error in the given language; `field` stays the stable path. */
export function localizeFieldError(e: FieldError, lang: Language): FieldError {
  return { ...e, message: localizeText(e.message, lang) };
}

/**
 * The problem in the request's language: `title`, `detail` and `errors[].message`. `type`, `code`,
 * `errors[].field` and every other member stay as they are.
 */
export function localizeProblem(problem: ProblemBody, lang: Language): ProblemBody {
  const messages = problem[PROBLEM_MESSAGES] ?? {};
  const out: ProblemBody = { ...problem };
  delete out[PROBLEM_MESSAGES];
  if (lang === 'en') return out;
  if (Array.isArray(problem.errors))
    out.errors = problem.errors.map((e) =>
      e && typeof e.message === 'string' ? localizeFieldError(e, lang) : e,
    );
  const statusKey = `status.${problem.status}` as MessageKey;
  out.title = messages.title
    ? translateMessage(messages.title, lang)
    : problem.title === defaultTitle(problem.status) && statusKey in MESSAGES
      ? translate(statusKey, {}, lang)
      : localizeText(problem.title, lang);
  out.detail =
    messages.fromErrors && out.errors
      ? out.errors.map((e) => `${e.field}: ${e.message}`).join('; ')
      : messages.detail
        ? translateMessage(messages.detail, lang)
        : localizeText(problem.detail, lang);
  return out;
}
