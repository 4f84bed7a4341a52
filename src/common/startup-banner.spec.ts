import type { LoggerService } from '@nestjs/common';
import { loadConfig } from '../config/app-config';
import { QuietStartupLogger, startupBanner } from './startup-banner';

describe('the start-up banner', () => {
  it('says where the service, the docs and the demo logins are, and the mode', () => {
    const banner = startupBanner(loadConfig({ PORT: '3100' }), true);
    expect(banner).toContain('regcut is running at http://localhost:3100');
    expect(banner).toContain('http://localhost:3100/docs');
    expect(banner).toContain('regcut-demo-2026');
    expect(banner).toMatch(/embedded PGlite in \.\/data, in-process jobs/);
    expect(banner.split('\n').length).toBeLessThan(10);
    expect(banner).not.toMatch(/^\{/m);
  });

  it('drops Nest’s module and route lines and passes every other line on', () => {
    const seen: unknown[][] = [];
    const inner: LoggerService = {
      log: (...a: unknown[]) => seen.push(['log', ...a]),
      error: (...a: unknown[]) => seen.push(['error', ...a]),
      warn: (...a: unknown[]) => seen.push(['warn', ...a]),
    };
    const logger = new QuietStartupLogger(inner);
    logger.log('Mapped {/health/live, GET} route', 'RouterExplorer');
    logger.log('IdentityModule dependencies initialized', 'InstanceLoader');
    logger.log('request completed', 'HTTP');
    logger.error('RoutesResolver failed', 'trace', 'RoutesResolver');
    logger.warn('slow timer', 'TimerService');
    expect(seen).toEqual([
      ['log', 'request completed', 'HTTP'],
      ['error', 'RoutesResolver failed', 'trace', 'RoutesResolver'],
      ['warn', 'slow timer', 'TimerService'],
    ]);
  });
});
