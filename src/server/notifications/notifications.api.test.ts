import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notificationPageSchema, notificationSchema } from '../../shared/notifications.js';
import type { ApiClient } from '../../../tests/support/client.js';
import { startTestServer, type TestServer } from '../../../tests/support/server.js';
import { notify } from './notify.js';

let server: TestServer;
let mulei: ApiClient;
let manas: ApiClient;

beforeAll(async () => {
  server = await startTestServer();
  mulei = await server.as('mulei');
  manas = await server.as('manas');
});
afterAll(() => server?.close());

async function tell(username: string, zh: string, en: string) {
  await server.db.transaction().execute((trx) =>
    notify({ trx, kind: 'status_changed', userIds: [server.users.get(username)!.id], title: { zh, en }, link: '/services/1', entity: 'service_request', entityId: 1 }),
  );
  const row = await server.db.selectFrom('notifications').select('id').where('title', '=', zh).orderBy('id', 'desc').executeTakeFirstOrThrow();
  return row.id;
}

const unread = async (client: ApiClient) => {
  const res = await client.get('/api/notifications/unread-count');
  expect(res.status).toBe(200);
  return res.body.count as number;
};

describe('the inbox', () => {
  it('each user sees only their own notices, newest first, in their language → 200', async () => {
    await tell('mulei', '诉求已受理', 'Request accepted');
    await tell('mulei', '诉求已办结', 'Request resolved');
    await tell('manas', '玛纳斯的通知', 'For Manas');
    const page = notificationPageSchema.parse((await mulei.get('/api/notifications')).body);
    expect(page.items.map((n) => n.title)).toEqual(['诉求已办结', '诉求已受理']);
    expect(page.total).toBe(2);
    expect(page.items[0]).toMatchObject({ kind: 'status_changed', link: '/services/1', read: false, readAt: null });
    mulei.lang = 'en';
    const en = (await mulei.get('/api/notifications')).body;
    mulei.lang = 'zh';
    expect(en.items.map((n: { title: string }) => n.title)).toEqual(['Request resolved', 'Request accepted']);
  });

  it('the unread count and the unread filter follow marking one read → 200', async () => {
    const id = await tell('mulei', '即将到期', 'Due soon');
    const before = await unread(mulei);
    const res = await mulei.post(`/api/notifications/${id}/read`);
    expect(res.status).toBe(200);
    expect(notificationSchema.parse(res.body)).toMatchObject({ id, read: true });
    expect(await unread(mulei)).toBe(before - 1);
    const unreadOnly = notificationPageSchema.parse((await mulei.get('/api/notifications?unread=true')).body);
    expect(unreadOnly.items.some((n) => n.id === id)).toBe(false);
    expect(unreadOnly.total).toBe(before - 1);
    // Marking it again changes nothing and is not an error.
    expect((await mulei.post(`/api/notifications/${id}/read`)).status).toBe(200);
  });

  it('marking another user’s notice read → 404, and it stays unread', async () => {
    const id = await tell('manas', '他人的通知', 'Someone else’s');
    const res = await mulei.post(`/api/notifications/${id}/read`);
    expect([res.status, res.body.error.code]).toEqual([404, 'not_found']);
    const row = await server.db.selectFrom('notifications').select('read_at').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.read_at).toBeNull();
    expect((await mulei.post('/api/notifications/99999999/read')).status).toBe(404);
  });

  it('read-all clears only the caller’s own → 200 with how many', async () => {
    const manasBefore = await unread(manas);
    const mine = await unread(mulei);
    const res = await mulei.post('/api/notifications/read-all');
    expect(res.status).toBe(200);
    expect(res.body.count).toBe(mine);
    expect(await unread(mulei)).toBe(0);
    expect(await unread(manas)).toBe(manasBefore);
  });

  it('pages: pageSize 1, page 2 → the second newest; a bad page size → 400 naming pageSize', async () => {
    const page = notificationPageSchema.parse((await mulei.get('/api/notifications?page=2&pageSize=1')).body);
    expect(page.items.map((n) => n.title)).toEqual(['诉求已办结']);
    const bad = await mulei.get('/api/notifications?pageSize=1000');
    expect([bad.status, bad.body.error.field]).toEqual([400, 'pageSize']);
  });

  it('without a session → 401', async () => {
    expect((await server.anonymous().get('/api/notifications/unread-count')).status).toBe(401);
  });
});
