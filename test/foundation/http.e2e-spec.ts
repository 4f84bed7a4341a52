import { Body, Controller, Module, Post } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsString, Min, ValidateNested } from 'class-validator';
import { Public } from '../../src/common/public.decorator';
import { createTestApp, TestApp } from '../support/test-app';

class ItemDto {
  @IsInt() @Min(0) hours: number;
}
class EchoDto {
  @IsString() title: string;
  @ValidateNested({ each: true }) @Type(() => ItemDto) items: ItemDto[];
}

@Public()
@Controller('test-echo')
class EchoController {
  @Post() echo(@Body() body: EchoDto) {
    return body;
  }
}
@Module({ controllers: [EchoController] })
class EchoModule {}

describe('HTTP foundation (real Postgres and Redis)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ redis: true, imports: [EchoModule] });
  });
  afterAll(() => t.close());

  it('answers liveness and readiness with the database and Redis checked', async () => {
    await t.http.get('/health/live').expect(200, { status: 'ok' });
    const ready = await t.http.get('/health/ready').expect(200);
    expect(ready.body.details).toEqual({ database: { status: 'up' }, redis: { status: 'up' } });
  });

  it('serves Swagger UI and the OpenAPI document', async () => {
    const docs = await t.http.get('/docs/').expect(200);
    expect(docs.text).toContain('swagger-ui');
    const doc = await t.http.get('/openapi.json').expect(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.body.paths)).toContain('/health/ready');
  });

  it('answers an unknown route with a 404 problem', async () => {
    const res = await t.http.get('/no-such-route').expect(404);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({
      status: 404,
      title: 'Không tìm thấy',
      type: expect.any(String),
    });
    expect(res.headers['content-language']).toBe('vi');
  });

  describe('language of problems (issue 16): Vietnamese by default, English on Accept-Language', () => {
    const invalid = { title: 5, items: [{ hours: -2 }], extra: true };

    it('answers a 400 in Vietnamese by default, with the same type and field paths', async () => {
      const res = await t.http.post('/test-echo').send(invalid).expect(400);
      expect(res.headers['content-language']).toBe('vi');
      expect(res.body).toMatchObject({
        type: 'urn:regcut:problem:validation',
        title: 'Yêu cầu không hợp lệ',
      });
      expect(res.body.errors).toEqual(
        expect.arrayContaining([
          { field: 'title', message: 'title phải là chuỗi ký tự' },
          { field: 'items[0].hours', message: 'hours không được nhỏ hơn 0' },
          { field: 'extra', message: 'trường extra không được phép có' },
        ]),
      );
      expect(res.body.detail).toContain('items[0].hours: hours không được nhỏ hơn 0');
    });

    it('answers in English when Accept-Language prefers en (q-values), else Vietnamese', async () => {
      const en = await t.http
        .post('/test-echo')
        .set('Accept-Language', 'fr-FR, en;q=0.8, vi;q=0.5')
        .send(invalid)
        .expect(400);
      expect(en.headers['content-language']).toBe('en');
      expect(en.body).toMatchObject({
        type: 'urn:regcut:problem:validation',
        title: 'Invalid request',
      });
      expect(en.body.errors).toEqual(
        expect.arrayContaining([
          { field: 'items[0].hours', message: 'hours must not be less than 0' },
          { field: 'extra', message: 'property extra should not exist' },
        ]),
      );
      const fr = await t.http.get('/no-such-route').set('Accept-Language', 'fr').expect(404);
      expect(fr.headers['content-language']).toBe('vi');
      const en404 = await t.http.get('/no-such-route').set('Accept-Language', 'en-US').expect(404);
      expect(en404.body.title).toBe('Not Found');
    });
  });

  it('answers malformed JSON with a 400 problem and no stack trace', async () => {
    const res = await t.http
      .post('/test-echo')
      .set('Content-Type', 'application/json')
      .send('{"title": "x",')
      .expect(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.js:\d+/);
  });

  it('answers an oversized body with 413', async () => {
    const res = await t.http
      .post('/test-echo')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ title: 'x'.repeat(2 * 1024 * 1024), items: [] }))
      .expect(413);
    expect(res.body).toMatchObject({ status: 413 });
  });

  it('names every invalid and unknown field, nested ones with their path', async () => {
    const res = await t.http
      .post('/test-echo')
      .send({ title: 5, items: [{ hours: 1 }, { hours: -2 }], extra: true })
      .expect(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    const fields = res.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['title', 'items[1].hours', 'extra']));
  });

  it('refuses absurdly nested JSON with a 400 problem, not a stack overflow', async () => {
    const deep = '{"title":"x","items":' + '[{"a":'.repeat(2000) + '1' + '}]'.repeat(2000) + '}';
    const res = await t.http
      .post('/test-echo')
      .set('Content-Type', 'application/json')
      .send(deep)
      .expect(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  describe('names the field or parameter of a body or query it cannot take (issue 18)', () => {
    const post = (body: string) =>
      t.http.post('/test-echo').set('Content-Type', 'application/json').send(body);

    it('malformed JSON: the path where parsing stopped', async () => {
      const res = await post('{"title": "x", "items": [{"hours": 1}, {"hours": }]}').expect(400);
      expect(res.body.errors).toEqual([
        { field: 'items[1].hours', message: expect.stringMatching(/không phải JSON hợp lệ/) },
      ]);
      const truncated = await post('{"title": "x",').expect(400);
      expect(truncated.body.errors).toEqual([
        { field: 'body', message: expect.stringMatching(/không phải JSON hợp lệ/) },
      ]);
    });

    it('too-deep nesting: the path of the first value too deep', async () => {
      const deep = '{"title":"x","items":' + '[{"a":'.repeat(40) + '1' + '}]'.repeat(40) + '}';
      const res = await post(deep).expect(400);
      expect(res.body.errors).toHaveLength(1);
      expect(res.body.errors[0].field).toMatch(/^items\[0\]\.a\[0\]\.a\[0\]/);
      expect(res.body.errors[0].message).toMatch(/lồng sâu quá 32 cấp/);
    });

    it('a NUL character in a query parameter', async () => {
      const res = await t.http.get('/regulations?search=thu%00tuc').expect(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.errors).toEqual([{ field: 'search', message: 'không được chứa ký tự NUL' }]);
    });
  });

  it.each(['gzip', 'deflate', 'br'])(
    'answers a body that is not %s although Content-Encoding says so with a 400 naming it',
    async (encoding) => {
      const res = await t.http
        .post('/test-echo')
        .set('Content-Type', 'application/json')
        .set('Content-Encoding', encoding)
        .send('{"title": "plain", "items": []}')
        .expect(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.detail).toContain(encoding);
      expect(res.body.errors).toEqual([
        { field: 'Content-Encoding', message: expect.stringContaining(encoding) },
      ]);
    },
  );

  it('answers an unknown Content-Encoding with 415', async () => {
    const res = await t.http
      .post('/test-echo')
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', 'x-unknown')
      .send('{"title": "plain", "items": []}')
      .expect(415);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('answers an oversized URL with a 431 problem', async () => {
    const res = await t.http.get(`/health/live?q=${'x'.repeat(20_000)}`).expect(431);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('accepts a valid body', async () => {
    await t.http
      .post('/test-echo')
      .send({ title: 'ok', items: [{ hours: 3 }] })
      .expect(201);
  });

  it('sets security headers and a request id', async () => {
    const res = await t.http.get('/health/live').set('X-Request-Id', 'abc-123');
    expect(res.headers['x-request-id']).toBe('abc-123');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('reports not ready, as a 503 problem, when the database refuses connections', async () => {
    const name = new URL(t.database.url).pathname.slice(1);
    const { Client } = await import('pg');
    const admin = new Client({ connectionString: t.database.url.replace(`/${name}`, '/postgres') });
    await admin.connect();
    try {
      await admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`);
      await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`,
        [name],
      );
      const res = await t.http.get('/health/ready').expect(503);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.details.database.status).toBe('down');
    } finally {
      await admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`);
      await admin.end();
    }
    await t.http.get('/health/ready').expect(200);
  });
});

describe('CORS (CORS_ORIGINS)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { CORS_ORIGINS: 'http://a.example' } });
  });
  afterAll(() => t.close());

  it('answers a preflight for every method the API uses, to listed origins only', async () => {
    const pre = await t.http
      .options('/regulations/x')
      .set('Origin', 'http://a.example')
      .set('Access-Control-Request-Method', 'PATCH')
      .expect(204);
    expect(pre.headers['access-control-allow-origin']).toBe('http://a.example');
    expect(pre.headers['access-control-allow-methods']).toMatch(/PATCH/);
    expect(pre.headers['access-control-allow-methods']).toMatch(/DELETE/);
    const get = await t.http.get('/health/live').set('Origin', 'http://a.example').expect(200);
    expect(get.headers['access-control-expose-headers']).toMatch(/X-Request-Id/);
    const other = await t.http.get('/health/live').set('Origin', 'http://b.example').expect(200);
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});
