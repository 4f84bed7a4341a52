import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { UuidParam } from '../../common/uuid-param';
import { AnyRole, CurrentPrincipal, UsersOnly } from '../../identity/auth/decorators';
import { Principal } from '../../identity/domain/principal';
import { ProblemDto } from '../../integration/dto/webhook.dto';
import { NotificationsService } from '../notifications.service';
import { TasksService } from '../tasks/tasks.service';
import {
  NotificationDto,
  NotificationListQuery,
  NotificationPageDto,
  PreferencesDto,
  ReadAllDto,
  TaskListDto,
  UnreadCountDto,
  UpdatePreferencesDto,
} from './notification.dto';

@ApiTags('notifications')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ProblemDto, description: 'no or invalid credentials' })
@ApiForbiddenResponse({ type: ProblemDto, description: 'an API key (notifications are for users)' })
// Public commenters too: "an answer → to the author" reaches them like everyone else.
@AnyRole({ publicUsers: true })
@UsersOnly()
@Controller('me')
export class NotificationsController {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly taskList: TasksService,
  ) {}

  @Get('notifications')
  @ApiOperation({ summary: 'My notifications (thông báo), newest first' })
  @ApiOkResponse({ type: NotificationPageDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'bad limit, cursor or unread' })
  list(
    @CurrentPrincipal() p: Principal,
    @Query() q: NotificationListQuery,
  ): Promise<NotificationPageDto> {
    return this.notifications.list(p, q);
  }

  @Get('notifications/unread-count')
  @ApiOperation({ summary: 'How many of my notifications are unread (for the bell)' })
  @ApiOkResponse({ type: UnreadCountDto })
  unreadCount(@CurrentPrincipal() p: Principal): Promise<UnreadCountDto> {
    return this.notifications.unreadCount(p);
  }

  @Post('notifications/read-all')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark all my notifications read' })
  @ApiOkResponse({ type: ReadAllDto })
  readAll(@CurrentPrincipal() p: Principal): Promise<ReadAllDto> {
    return this.notifications.markAllRead(p);
  }

  @Post('notifications/:id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark one of my notifications read' })
  @ApiOkResponse({ type: NotificationDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'id is not a UUID' })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'no such notification of mine' })
  read(@CurrentPrincipal() p: Principal, @UuidParam() id: string): Promise<NotificationDto> {
    return this.notifications.markRead(p, id);
  }

  @Get('notification-preferences')
  @ApiOperation({ summary: 'My channels per notification kind, and the sectors I follow' })
  @ApiOkResponse({ type: PreferencesDto })
  preferences(@CurrentPrincipal() p: Principal): Promise<PreferencesDto> {
    return this.notifications.preferences(p);
  }

  @Put('notification-preferences')
  @ApiOperation({
    summary: 'Change my channels per kind (e.g. no e-mail for one kind) and the sectors I follow',
  })
  @ApiOkResponse({ type: PreferencesDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'unknown kind or sector' })
  updatePreferences(
    @CurrentPrincipal() p: Principal,
    @Body() dto: UpdatePreferencesDto,
  ): Promise<PreferencesDto> {
    return this.notifications.updatePreferences(p, dto);
  }

  @Get('tasks')
  @ApiOperation({
    summary: 'What awaits my action (việc cần làm)',
    description:
      'Ministry: events I may send, feedback to answer, open rounds, implementations. Expert: open rounds I am invited to and have not answered. Association: open association rounds in the sectors I follow (all when none). Government Office: plans to review or decide, overdue implementations.',
  })
  @ApiOkResponse({ type: TaskListDto })
  async tasks(@CurrentPrincipal() p: Principal): Promise<TaskListDto> {
    return { items: await this.taskList.tasks(p) };
  }
}
