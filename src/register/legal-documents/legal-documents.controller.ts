import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Public } from '../../common/public.decorator';
import { UuidParam } from '../../common/uuid-param';
import { CurrentPrincipal, Roles } from '../../identity/auth/decorators';
import { Principal } from '../../identity/domain/principal';
import {
  LegalDocumentDto,
  LegalDocumentListQuery,
  UpdateLegalDocumentDto,
} from './legal-document.dto';
import { LegalDocumentsService } from './legal-documents.service';

@ApiTags('legal-documents')
@ApiBearerAuth()
@Controller('legal-documents')
export class LegalDocumentsController {
  constructor(private readonly documents: LegalDocumentsService) {}

  @Get()
  @Public()
  list(@Query() q: LegalDocumentListQuery) {
    return this.documents.list(q);
  }

  @Get(':id')
  @Public()
  get(@UuidParam() id: string) {
    return this.documents.get(id);
  }

  /** Any ministry officer or lead may add to the shared catalogue. */
  @Post()
  @Roles('ministry_officer', 'ministry_lead')
  create(@CurrentPrincipal() actor: Principal, @Body() dto: LegalDocumentDto) {
    return this.documents.create(actor, dto as unknown as Record<string, unknown>);
  }

  @Patch(':id')
  @Roles('ministry_officer', 'ministry_lead', 'admin')
  update(
    @CurrentPrincipal() actor: Principal,
    @UuidParam() id: string,
    @Body() dto: UpdateLegalDocumentDto,
  ) {
    return this.documents.update(actor, id, dto as unknown as Record<string, unknown>);
  }
}
