import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { UuidParam } from '../../common/uuid-param';
import { CurrentPrincipal, Roles } from '../../identity/auth/decorators';
import { Principal } from '../../identity/domain/principal';
import {
  ReminderDto,
  ReminderListDto,
  ReminderListQuery,
  ReminderPageDto,
  SendReminderDto,
} from './reminder.dto';
import { RemindersService } from './reminders.service';
import { ApiProblemResponses } from '../../common/openapi';

const READERS = ['gov_office', 'admin', 'ministry_officer', 'ministry_lead'] as const;

@ApiTags('decisions')
@ApiBearerAuth()
@Controller()
export class RemindersController {
  constructor(private readonly reminders: RemindersService) {}

  @Post('regulations/:id/reminders')
  @ApiProblemResponses(400, 401, 403, 404)
  @Roles('gov_office')
  @ApiOperation({
    summary: 'Remind the ministry of an implementation (đôn đốc), with a note it reads',
    description:
      'Government Office only, while the regulation is implementing (on track or overdue); 409 in any other state.',
  })
  @ApiCreatedResponse({ type: ReminderDto })
  send(@CurrentPrincipal() p: Principal, @UuidParam() id: string, @Body() dto: SendReminderDto) {
    return this.reminders.send(p, id, dto);
  }

  @Get('regulations/:id/reminders')
  @ApiProblemResponses(400, 401, 403, 404)
  @Roles(...READERS)
  @ApiOperation({
    summary: "A regulation's reminders, oldest first (its agency and the Government Office)",
  })
  @ApiOkResponse({ type: ReminderListDto })
  ofRegulation(@CurrentPrincipal() p: Principal, @UuidParam() id: string) {
    return this.reminders.ofRegulation(p, id);
  }

  @Get('reminders')
  @ApiProblemResponses(400, 401, 403)
  @Roles(...READERS)
  @ApiOperation({
    summary: 'Reminders received, newest first: a ministry its own, the Government Office all',
  })
  @ApiOkResponse({ type: ReminderPageDto })
  list(@CurrentPrincipal() p: Principal, @Query() q: ReminderListQuery) {
    return this.reminders.list(p, q);
  }
}
