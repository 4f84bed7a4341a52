import { Controller, Get, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { localizeText } from '../common/i18n/catalogue';
import { Language, negotiateLanguage } from '../common/i18n/language';
import { ProblemException } from '../common/problem';
import { UuidParam } from '../common/uuid-param';
import { AnyRole, CurrentPrincipal } from '../identity/auth/decorators';
import { Principal, readsEverything } from '../identity/domain/principal';
import { JobRunService, JobRunView } from './runs/job-run.service';
import { msg } from '../common/i18n/catalogue';
import { ApiProblemResponses } from '../common/openapi';
import { JobRunViewDto } from './job-run-view.dto';

@ApiTags('jobs')
@ApiBearerAuth()
@Controller('jobs')
export class JobRunsController {
  constructor(private readonly runs: JobRunService) {}

  /** Status, progress and result of a background job (an import, a recalculation). */
  @Get(':id')
  @ApiOkResponse({ type: JobRunViewDto })
  @ApiProblemResponses(400, 401, 403, 404)
  @AnyRole()
  @ApiHeader({
    name: 'Accept-Language',
    required: false,
    description: 'en for English messages; Vietnamese otherwise',
  })
  async get(
    @CurrentPrincipal() p: Principal,
    @UuidParam() id: string,
    @Req() req: { headers: Record<string, string | string[] | undefined> },
  ) {
    const run = await this.runs.find(id);
    // Its creator, the lead of the creator's agency, the Government Office and admins see a job;
    // others get a 404.
    const ownAgencyLead =
      p.role === 'ministry_lead' && run?.agencyId != null && run.agencyId === p.agencyId;
    if (
      !run ||
      !(readsEverything(p) || ownAgencyLead || (run.createdBy && run.createdBy === p.userId))
    ) {
      throw new ProblemException(404, 'not-found', msg('jobs.noSuchJob'));
    }
    return localizeRun(run, negotiateLanguage(req.headers['accept-language']));
  }
}

/**
 * A job's messages (its error, an import's reason and row errors) in the request's language,
 * like problems: stored in English, served in Vietnamese unless English is asked for.
 */
export function localizeRun(run: JobRunView, lang: Language): JobRunView {
  if (lang === 'en') return run;
  const result = run.result && { ...run.result };
  if (result && typeof result.message === 'string')
    result.message = localizeText(result.message, lang);
  if (result && Array.isArray(result.errors))
    result.errors = result.errors.map((e: unknown) =>
      e && typeof e === 'object' && typeof (e as { message?: unknown }).message === 'string'
        ? { ...e, message: localizeText((e as { message: string }).message, lang) }
        : e,
    );
  return { ...run, result, error: run.error === null ? null : localizeText(run.error, lang) };
}
