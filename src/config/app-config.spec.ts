import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('defaults to the embedded database, in-process jobs and demo data', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, dataDir: './data', demoData: true, workers: true });
    expect(c.databaseUrl).toBeUndefined();
    expect(c.redisUrl).toBeUndefined();
  });

  it('turns demo data off by default on Postgres', () => {
    const c = loadConfig({
      DATABASE_URL: 'postgres://u@localhost:5432/db',
      JWT_SECRET: 'x'.repeat(32),
    });
    expect(c.demoData).toBe(false);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://localhost/db', JWT_SECRET: 'x'.repeat(32) }, 'DATABASE_URL'],
    [{ DEMO_DATA: 'yes' }, 'DEMO_DATA'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
  ])('refuses %j naming %s', (env, variable) => {
    expect(() => loadConfig(env as NodeJS.ProcessEnv)).toThrow(ConfigError);
    expect(() => loadConfig(env as NodeJS.ProcessEnv)).toThrow(new RegExp(`\\b${variable}\\b`));
  });

  it('refuses REDIS_URL without DATABASE_URL', () => {
    expect(() => loadConfig({ REDIS_URL: 'redis://localhost:6379' })).toThrow(
      /REDIS_URL.*DATABASE_URL/s,
    );
  });

  it('requires JWT_SECRET with DATABASE_URL', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://u@localhost/db' })).toThrow(/JWT_SECRET/);
  });

  it('refuses WORKERS=false without Redis (nothing else would run the jobs)', () => {
    expect(() => loadConfig({ WORKERS: 'false' })).toThrow(/WORKERS/);
  });

  it('reads the CORS allow-list', () => {
    expect(loadConfig({ CORS_ORIGINS: 'https://a.gov.vn, https://b.gov.vn' }).corsOrigins).toEqual([
      'https://a.gov.vn',
      'https://b.gov.vn',
    ]);
  });

  it('reads and validates the mail settings, naming the variable', () => {
    const c = loadConfig({
      SMTP_URL: 'smtp://user:p%40ss@mail.bo.gov.vn:587',
      MAIL_FROM: 'Bộ Tư pháp <no-reply@moj.gov.vn>',
      PUBLIC_URL: 'https://regcut.gov.vn/',
    });
    expect(c.smtpUrl).toBe('smtp://user:p%40ss@mail.bo.gov.vn:587');
    expect(c.mailFrom).toBe('Bộ Tư pháp <no-reply@moj.gov.vn>');
    expect(c.publicUrl).toBe('https://regcut.gov.vn');
    expect(loadConfig({ SMTP_URL: 'smtps://127.0.0.1:465' }).smtpUrl).toBe('smtps://127.0.0.1:465');
    const d = loadConfig({});
    expect([d.smtpUrl, d.mailFrom, d.publicUrl]).toEqual([
      undefined,
      'regcut <no-reply@localhost>',
      'http://localhost:3000',
    ]);
    expect(() => loadConfig({ SMTP_URL: 'http://mail.example' })).toThrow(/SMTP_URL/);
    expect(() => loadConfig({ MAIL_FROM: 'nobody' })).toThrow(/MAIL_FROM/);
    expect(() => loadConfig({ PUBLIC_URL: 'regcut.gov.vn' })).toThrow(/PUBLIC_URL/);
  });

  it('reads API_PROCESSES, which needs a shared Postgres', () => {
    const pg = { DATABASE_URL: 'postgres://x@h/db', JWT_SECRET: 's'.repeat(32) };
    expect(loadConfig({}).apiProcesses).toBe(1);
    expect(loadConfig({ ...pg, API_PROCESSES: '4' }).apiProcesses).toBe(4);
    expect(() => loadConfig({ API_PROCESSES: '2' })).toThrow(
      /API_PROCESSES: more than 1 needs DATABASE_URL/,
    );
    expect(() => loadConfig({ ...pg, API_PROCESSES: '0' })).toThrow(/API_PROCESSES/);
    expect(() => loadConfig({ ...pg, API_PROCESSES: 'two' })).toThrow(/API_PROCESSES/);
  });
});
