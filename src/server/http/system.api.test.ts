import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngine } from '../../../tests/support/database.js';
import { startTestServer, type TestServer } from '../../../tests/support/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

describe('system endpoints and error format', () => {
  it('GET /api/health → 200 naming the database engine', async () => {
    const res = await server.anonymous().get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', database: testEngine() });
  });

  it('GET /api/openapi.json → 200, an OpenAPI 3 document listing the project routes with their schemas', async () => {
    const res = await server.anonymous().get('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/api/projects', '/api/projects/{id}', '/api/projects/{id}/transitions', '/api/dashboard/summary', '/api/auth/login']),
    );
    const create = res.body.paths['/api/projects'].post;
    expect(create.requestBody.content['application/json'].schema.required).toEqual(expect.arrayContaining(['name', 'regionCode', 'investmentYuan']));
  });

  it('GET /api/docs → 200, a readable docs page', async () => {
    const res = await fetch(`${server.url}/api/docs/`, { redirect: 'follow' });
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/swagger/i);
  });

  it('an anonymous API call → 401 in Chinese by default, in English with Accept-Language: en', async () => {
    const client = server.anonymous();
    const zh = await client.get('/api/projects');
    expect(zh.status).toBe(401);
    expect(zh.body.error).toEqual({ code: 'unauthorized', message: '请先登录' });
    client.lang = 'en';
    expect((await client.get('/api/projects')).body.error.message).toBe('Please sign in first');
  });

  it('malformed JSON → 400 invalid_json, not 500', async () => {
    const client = await server.as('admin');
    const res = await client.request('POST', '/api/projects', '{"name": ', {});
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_json');
  });

  it('a malformed URL → 400 in the same JSON error shape', async () => {
    const res = await (await server.as('admin')).get('/api/projects/%');
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'bad_url', message: '请求地址无效' });
  });

  it('a wrongly typed field is called wrong, a missing one missing', async () => {
    const client = await server.as('admin');
    const wrong = await client.post('/api/projects', { name: 'x', investorName: 'y', regionCode: '652328', investmentYuan: 'abc' });
    expect(wrong.body.error).toMatchObject({ field: 'investmentYuan', message: '计划投资(元)格式不正确,应为数字' });
    const missing = await client.post('/api/projects', { name: 'x', investorName: 'y', regionCode: '652328' });
    expect(missing.body.error).toMatchObject({ field: 'investmentYuan', message: '请填写计划投资(元)' });
  });

  it('an oversized body → 413, an unknown API route → 404 JSON', async () => {
    const client = await server.as('admin');
    const big = await client.post('/api/projects', { name: 'x'.repeat(2_000_000) });
    expect(big.status).toBe(413);
    const missing = await client.get('/api/nothing-here');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('not_found');
  });
});

describe('the web app', () => {
  it('a script is sent brotli-compressed to a browser that accepts it, and as is to one that does not (200)', async () => {
    const html = fs.readFileSync(path.join(server.config.webDir, 'index.html'), 'utf8');
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script, 'npm run build has written dist/web').toBeTruthy();
    const original = fs.readFileSync(path.join(server.config.webDir, script!));
    const get = (encoding: string) =>
      new Promise<{ status: number; encoding: string | undefined; body: Buffer }>((resolve, reject) => {
        http.get(`${server.url}${script}`, { headers: { 'accept-encoding': encoding } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode!, encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }));
        }).on('error', reject);
      });
    const br = await get('gzip, deflate, br');
    expect([br.status, br.encoding]).toEqual([200, 'br']);
    expect(br.body.length).toBeLessThan(original.length / 2);
    expect(zlib.brotliDecompressSync(br.body).equals(original)).toBe(true);
    const plain = await get('identity');
    expect([plain.status, plain.encoding, plain.body.equals(original)]).toEqual([200, undefined, true]);
  });
});
