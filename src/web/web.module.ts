import { Module } from '@nestjs/common';
import { WebController } from './web.controller';
import { WebFiles } from './web-files';

/** The browser app (web/), built into dist/web and served beside the API. */
@Module({
  controllers: [WebController],
  providers: [{ provide: WebFiles, useFactory: () => new WebFiles() }],
})
export class WebModule {}
