import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arbitraryFor, invalidFor, type JsonSchema } from '../../../tests/support/arbitrary.js';
import type { ApiClient } from '../../../tests/support/client.js';
import { startTestServer, type TestServer } from '../../../tests/support/server.js';
import { testEngine } from '../../../tests/support/database.js';
import { countRows } from '../backup/tables.js';

// Property-based: every JSON write endpoint gets bodies generated from its own schema (valid as far as
// the schema goes) and bodies that break it. Never a 500; a refused body (4xx) writes nothing.
let server: TestServer;
let admin: ApiClient;
interface Operation {
  parameters?: { in: string; name: string; schema: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema: JsonSchema }> };
}
let writes: { method: string; path: string; op: Operation }[] = [];
// Signing in and out, and the forms that count attempts per address, are exercised by their own tests.
const SKIP = ['/api/auth/', '/api/public/interests'];
const RUNS = Number(process.env.FUZZ_RUNS ?? 12);
// Fixed so a failure repeats; FUZZ_SEED and FUZZ_RUNS explore further by hand.
const SEED = Number(process.env.FUZZ_SEED ?? 20231117);

beforeAll(async () => {
  server = await startTestServer({ demoProjects: true, demoLeads: true, demoApprovals: true, demoServiceRequests: true, demoSkills: true, demoLivestream: true });
  admin = await server.as('admin');
  const doc = (await server.anonymous().get('/api/openapi.json')).body as { paths: Record<string, Record<string, Operation>> };
  writes = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods)
      .filter(([method, op]) => ['post', 'put', 'patch'].includes(method) && op.requestBody?.content?.['application/json'] && !SKIP.some((p) => path.startsWith(p)))
      .map(([method, op]) => ({ method, path, op })),
  );
});
afterAll(() => server?.close());

const auditCount = async () => Number((await server.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

/** Path parameters: ids point at demo record 1; others (an enum, a day) come from their schema. */
function urlFor(path: string, op: Operation): fc.Arbitrary<string> {
  const params = (op.parameters ?? []).filter((p) => p.in === 'path');
  const parts = Object.fromEntries(params.map((p) => [p.name, /id$/i.test(p.name) ? fc.constant('1') : arbitraryFor(p.schema).map(String)]));
  return fc.record(parts).map((values) => path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(String(values[name] ?? '1'))));
}

describe(`fuzzed writes on ${testEngine()}`, () => {
  it('the API has JSON write endpoints to fuzz', () => {
    expect(writes.length).toBeGreaterThan(45);
  });

  it('no body, valid or not, gets a 500; a refused body leaves the audit log and every table as they were', async () => {
    const failures: string[] = [];
    const accepted = new Set<string>();
    let cases = 0;
    for (const { method, path, op } of writes) {
      const schema = op.requestBody!.content!['application/json'].schema;
      const before = await countRows(server.db, testEngine());
      let refusedOnly = true;
      const property = fc.asyncProperty(urlFor(path, op), fc.oneof(arbitraryFor(schema), invalidFor(schema)), async (url, body) => {
        const audit = await auditCount();
        const res = await admin.request(method.toUpperCase(), url, body === undefined ? {} : body);
        cases += 1;
        if (res.status >= 500) throw new Error(`${method.toUpperCase()} ${url} → ${res.status} ${JSON.stringify(res.body)}`);
        if (res.status >= 400) {
          if ((await auditCount()) !== audit) throw new Error(`${method.toUpperCase()} ${url} → ${res.status} but the audit log grew`);
          if (!res.body?.error?.code || !res.body?.error?.message) throw new Error(`${method.toUpperCase()} ${url} → ${res.status} without {error:{code,message}}`);
        } else {
          refusedOnly = false;
          accepted.add(`${method.toUpperCase()} ${path}`);
        }
      });
      const result = await fc.check(property, { numRuns: RUNS, seed: SEED });
      if (result.failed) failures.push(`${String(result.errorInstance)} — body ${JSON.stringify(result.counterexample?.[1])?.slice(0, 300)}`);
      if (refusedOnly) {
        const after = await countRows(server.db, testEngine());
        if (JSON.stringify(after) !== JSON.stringify(before)) failures.push(`${method.toUpperCase()} ${path}: every body refused, yet rows changed`);
      }
    }
    expect(failures).toEqual([]);
    // The generated bodies are not all refused: many endpoints accepted some, so writes were exercised too.
    console.log(`fuzz: ${cases} requests over ${writes.length} endpoints; ${accepted.size} accepted at least one body`);
    expect(accepted.size).toBeGreaterThanOrEqual(10);
  }, 600_000);

  it('malformed JSON, an oversized body and an oversized page answer 400/413 with the error shape', async () => {
    const raw = await admin.request('POST', '/api/projects', '{"name": "未闭合', { 'content-type': 'application/json' });
    expect(raw.status).toBe(400);
    expect(raw.body.error.code).toBeTruthy();
    const huge = await admin.request('POST', '/api/projects', JSON.stringify({ name: 'x'.repeat(2_000_000) }));
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBeTruthy();
    const page = await admin.get('/api/projects?pageSize=100000');
    expect(page.status).toBe(400);
    expect(page.body.error.field).toBe('pageSize');
  });
});
