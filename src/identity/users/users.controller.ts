import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { UuidParam } from '../../common/uuid-param';
import { CurrentPrincipal, Roles } from '../auth/decorators';
import { Principal } from '../domain/principal';
import { CreateUserDto, UpdateUserDto, UserListQuery } from './user.dto';
import { UsersService } from './users.service';
import { ApiProblemResponses, PageOf } from '../../common/openapi';
import { UserViewDto } from './user-view.dto';

@ApiTags('users')
@ApiBearerAuth()
@Roles('admin')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOkResponse({ type: PageOf(UserViewDto) })
  @ApiProblemResponses(400, 401, 403)
  @ApiOperation({ summary: 'Users, filtered by agency or role (admin)' })
  list(@Query() q: UserListQuery) {
    return this.users.list(q);
  }

  @Get(':id')
  @ApiOkResponse({ type: UserViewDto })
  @ApiProblemResponses(400, 401, 403, 404)
  @ApiOperation({ summary: 'One user (admin)' })
  get(@UuidParam() id: string) {
    return this.users.get(id);
  }

  @Post()
  @ApiCreatedResponse({ type: UserViewDto })
  @ApiProblemResponses(400, 401, 403)
  @ApiOperation({ summary: 'Create a user with an initial password (admin)' })
  create(@CurrentPrincipal() actor: Principal, @Body() dto: CreateUserDto) {
    return this.users.create(actor, dto);
  }

  @Patch(':id')
  @ApiOkResponse({ type: UserViewDto })
  @ApiProblemResponses(400, 401, 403, 404)
  @ApiOperation({ summary: "Change a user's role, agency, name or active flag (admin)" })
  update(
    @CurrentPrincipal() actor: Principal,
    @UuidParam() id: string,
    @Body() dto: UpdateUserDto,
  ) {
    return this.users.update(actor, id, dto);
  }
}
