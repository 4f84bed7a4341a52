import { Controller, Get, Header, NotFoundException, Param, StreamableFile } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../common/public.decorator';
import { APP_SECTIONS, ASSETS_DIR, PAGE_CSP } from './app-paths';
import { WebFiles } from './web-files';

/** `/`, `/login`, `/tra-cuu`, `/tra-cuu/...` (Fastify's `*` wildcard): every route of the app loads when opened directly. */
const PAGE_PATHS = ['/', ...APP_SECTIONS.flatMap((s) => [s, `${s}/*`])];

/**
 * Serves the single-page app. Only its own paths: anything else falls through to the API's
 * routes and their problem+json 404. Plain Nest (StreamableFile, @Header), no platform-specific API.
 */
@ApiExcludeController()
@Public()
@Controller()
export class WebController {
  constructor(private readonly files: WebFiles) {}

  @Get(PAGE_PATHS)
  @Header('Content-Security-Policy', PAGE_CSP)
  @Header('Cache-Control', 'no-cache')
  page(): StreamableFile {
    const html = this.files.indexHtml();
    if (!html) throw new NotFoundException('The web app is not built: run `npm run build`.');
    return new StreamableFile(html, { type: 'text/html; charset=utf-8', length: html.length });
  }

  @Get(`${ASSETS_DIR}/:name`)
  @Header('Cache-Control', 'public, max-age=31536000, immutable')
  asset(@Param('name') name: string): StreamableFile {
    const file = this.files.asset(ASSETS_DIR, name);
    if (!file) throw new NotFoundException(`No asset ${name}.`);
    return new StreamableFile(file.body, { type: file.type, length: file.body.length });
  }
}
