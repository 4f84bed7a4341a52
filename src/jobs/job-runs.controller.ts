import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ProblemException } from '../common/problem';
import { UuidParam } from '../common/uuid-param';
import { AnyRole, CurrentPrincipal } from '../identity/auth/decorators';
import { Principal, readsEverything } from '../identity/domain/principal';
import { JobRunService } from './runs/job-run.service';
import { ApiProblemResponses } from '../common/openapi';

@ApiTags('jobs')
@ApiBearerAuth()
@Controller('jobs')
export class JobRunsController {
  constructor(private readonly runs: JobRunService) {}

  /** Status, progress and result of a background job (an import, a recalculation). */
  @Get(':id')
  @ApiOkResponse({ schema: { type: 'object', additionalProperties: true } })
  @ApiProblemResponses(400, 401, 403, 404)
  @AnyRole()
  async get(@CurrentPrincipal() p: Principal, @UuidParam() id: string) {
    const run = await this.runs.find(id);
    // Its creator, the lead of the creator's agency, the Government Office and admins see a job;
    // others get a 404.
    const ownAgencyLead =
      p.role === 'ministry_lead' && run?.agencyId != null && run.agencyId === p.agencyId;
    if (
      !run ||
      !(readsEverything(p) || ownAgencyLead || (run.createdBy && run.createdBy === p.userId))
    ) {
      throw new ProblemException(404, 'not-found', 'No such job.');
    }
    return run;
  }
}
