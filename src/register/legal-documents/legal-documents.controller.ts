import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
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
import { ApiProblemResponses, PageOf } from '../../common/openapi';
import { LegalDocumentViewDto } from './legal-document-view.dto';

@ApiTags('legal-documents')
@ApiBearerAuth()
@Controller('legal-documents')
export class LegalDocumentsController {
  constructor(private readonly documents: LegalDocumentsService) {}

  @Get()
  @ApiOkResponse({ type: PageOf(LegalDocumentViewDto) })
  @ApiProblemResponses(400)
  @Public()
  @ApiOperation({ summary: 'The catalogue of legal documents' })
  list(@Query() q: LegalDocumentListQuery) {
    return this.documents.list(q);
  }

  @Get(':id')
  @ApiOkResponse({ type: LegalDocumentViewDto })
  @ApiProblemResponses(400, 404)
  @Public()
  @ApiOperation({ summary: 'One legal document' })
  get(@UuidParam() id: string) {
    return this.documents.get(id);
  }

  /** Any ministry officer or lead may add to the shared catalogue. */
  @Post()
  @ApiCreatedResponse({ type: LegalDocumentViewDto })
  @ApiProblemResponses(400, 401, 403)
  @Roles('ministry_officer', 'ministry_lead')
  create(@CurrentPrincipal() actor: Principal, @Body() dto: LegalDocumentDto) {
    return this.documents.create(actor, dto as unknown as Record<string, unknown>);
  }

  @Patch(':id')
  @ApiOkResponse({ type: LegalDocumentViewDto })
  @ApiProblemResponses(400, 401, 403, 404)
  @Roles('ministry_officer', 'ministry_lead', 'admin')
  @ApiOperation({ summary: 'Correct a legal document' })
  update(
    @CurrentPrincipal() actor: Principal,
    @UuidParam() id: string,
    @Body() dto: UpdateLegalDocumentDto,
  ) {
    return this.documents.update(actor, id, dto as unknown as Record<string, unknown>);
  }
}
