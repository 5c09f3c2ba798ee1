import { beforeAll, describe, expect, it } from 'vitest';
import { createDemoLivestream } from '../../src/server/demo/livestream.js';
import { createContest } from '../../src/server/livestream/commands.js';
import { registerContestant } from '../../src/server/livestream/contestant-commands.js';
import { orderExportCsv } from '../../src/server/livestream/export-file.js';
import { screenshot, signIn, useServerAndBrowser } from '../support/browser.js';
import { buildContest, buildLine, encodeGbk } from '../support/livestream-fixture.js';
import { TEST_PASSWORD } from '../support/server.js';

const ctx = useServerAndBrowser();
let demoId: number;
let contestId: number;

beforeAll(async () => {
  demoId = await createDemoLivestream(ctx.server.db, ctx.server.users);
  const organiser = ctx.server.users.get('saishi')!;
  contestId = await createContest({ db: ctx.server.db, user: organiser, input: buildContest({ name: '浏览器测试直播大赛' }) });
  for (const [name, authorId] of [['选手甲', 'jia'], ['选手乙', 'yi']]) {
    await registerContestant({ db: ctx.server.db, user: organiser, contestId, input: { name, accountName: `${name}的直播间`, authorId } });
  }
});

describe('the livestream contest in Chromium', () => {
  it('an organiser imports a GBK order export and sees the result and the board', async () => {
    const page = await ctx.browser.newPage({ viewport: { width: 1366, height: 900 } });
    await signIn(page, ctx.server.url, 'saishi', TEST_PASSWORD);
    // A contest account lands on the contests (the organiser on the skills competition), not on the dashboard.
    await page.waitForURL('**/skills');
    await page.getByTestId('menu-livestream').click();
    await page.getByTestId('ls-contest-link').first().waitFor();
    await page.getByTestId('ls-contest-link').filter({ hasText: '浏览器测试直播大赛' }).click();
    await page.getByTestId('ls-tab-orders').click();
    const csv = orderExportCsv([
      buildLine({ authorId: 'jia', paidFen: 12_800, productName: '天山北麓赤霞珠' }),
      buildLine({ authorId: 'jia', paidFen: 20_000, refundedFen: 5_000, refundState: '退款成功' }),
      buildLine({ authorId: 'yi', paidFen: 50_000, orderState: '已取消' }),
      buildLine({ authorId: 'yi', paidFen: 9_900, refundState: '退款中' }),
    ]);
    await page.getByTestId('ls-import-file').setInputFiles({ name: '抖店订单导出.csv', mimeType: 'text/csv', buffer: encodeGbk(csv) });
    const result = page.getByTestId('ls-import-result');
    await result.waitFor();
    const text = await result.innerText();
    expect(text).toContain('新增 4 行');
    expect(text).toContain('计入成绩 3 行');
    expect(text).toContain('GBK');
    expect(text).toContain('已取消,不计 1');
    await expect.poll(() => page.locator('.ant-table-row').count()).toBe(4);
    await screenshot(page, 'livestream-import');

    await page.getByTestId('ls-tab-board').click();
    const table = page.getByTestId('ls-board-table');
    await expect.poll(() => table.innerText()).toContain('选手甲');
    const rows = await table.locator('tbody tr.ant-table-row').allInnerTexts();
    expect(rows[0]).toContain('选手甲');
    expect(rows[0]).toContain('278.00');
    expect(rows[1]).toContain('选手乙');
    expect(rows[1]).toContain('99.00');
    expect(await page.getByTestId('ls-board-status').innerText()).toBe('暂定成绩');
    expect(await page.getByText('合计净销售额 377.00 元').count()).toBe(1);
    await screenshot(page, 'livestream-board');

    // Freezing from the board: the default is 20:00 on the last day, and the jury is told it still sees the live board.
    await page.getByTestId('ls-freeze').click();
    await page.getByRole('dialog').getByRole('button', { name: '封 榜' }).click();
    await expect.poll(() => page.getByTestId('ls-frozen-note').innerText()).toContain('2023-05-21 20:00');
    const contest = await ctx.server.db.selectFrom('ls_contests').select('frozen_from').where('id', '=', contestId).executeTakeFirstOrThrow();
    expect(contest.frozen_from).toBe('2023-05-21T12:00:00.000Z');

    // Correcting a contestant's account name from the contestants' tab.
    await page.getByTestId('ls-tab-contestants').click();
    await page.locator('.ant-table-row').filter({ hasText: '选手乙' }).getByRole('button', { name: '编辑' }).click();
    const account = page.getByRole('dialog').getByLabel('平台账号(昵称)');
    await expect.poll(() => account.inputValue()).toBe('选手乙的直播间');
    await account.fill('选手乙·天山北麓');
    await page.getByRole('dialog').getByRole('button', { name: '保 存' }).click();
    await page.getByText('选手乙·天山北麓').waitFor();
    await page.close();
  });

  it('the public board of the demo contest shows its frozen state and large figures without signing in', async () => {
    const page = await ctx.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${ctx.server.url}/open/livestream/${demoId}`);
    await page.getByTestId('public-frozen').waitFor();
    expect(await page.getByTestId('public-frozen').innerText()).toContain('2023-05-21 20:00');
    expect(await page.getByTestId('public-title').innerText()).toBe('昌吉州第二届天山北麓葡萄酒节直播大赛');
    expect(await page.getByTestId('public-row').count()).toBe(72);
    const size = await page.getByTestId('public-net').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(32);
    expect(await page.getByText('买家集中').count()).toBe(0);
    await page.screenshot({ path: 'test-results/screenshots/livestream-public-frozen.png' });
    await page.close();
  });

  it('the contestant zhubo lands on the contests and reads its own registration and current place', async () => {
    const page = await ctx.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, ctx.server.url, 'zhubo', TEST_PASSWORD);
    // zhubo has no skills entry, so the menu offers the livestream contests and not 我的技能大赛.
    await page.getByTestId('menu-livestream').waitFor();
    await page.getByTestId('ls-contest-link').filter({ hasText: '天山北麓' }).waitFor();
    expect(await page.getByTestId('menu-skills-me').count()).toBe(0);
    await page.getByTestId('ls-contest-link').filter({ hasText: '天山北麓' }).click();
    const mine = page.getByTestId('ls-mine');
    await expect.poll(() => mine.innerText()).toContain('当前名次(公开榜)');
    expect(await mine.innerText()).toContain('示例选手01');
    expect(await page.getByTestId('ls-tab-flags').count()).toBe(0);
    await screenshot(page, 'livestream-contestant');
    await page.close();
  });

  it('the jury reads the demo’s flags, the rules and the contestants in English', async () => {
    const page = await ctx.browser.newPage({ viewport: { width: 1366, height: 900 } });
    await signIn(page, ctx.server.url, 'caipan', TEST_PASSWORD);
    await page.goto(`${ctx.server.url}/livestream/${demoId}?tab=flags`);
    await page.getByTestId('ls-flag').first().waitFor();
    expect(await page.getByTestId('ls-flag').first().innerText()).toContain('示例选手07');
    await screenshot(page, 'livestream-flags');
    await page.goto(`${ctx.server.url}/livestream/${demoId}?tab=overview`);
    await page.getByTestId('ls-rules').waitFor();
    expect(await page.getByTestId('ls-ambassadors').innerText()).toContain('少庄主今天醒酒');
    await screenshot(page, 'livestream-overview');
    await page.getByTestId('lang-switch').click();
    await page.getByText('Counting rules (published)').waitFor();
    await page.goto(`${ctx.server.url}/livestream/${demoId}?tab=contestants`);
    await page.getByText('示例选手20', { exact: true }).waitFor();
    await screenshot(page, 'livestream-contestants-en');
    await page.close();
  });

  it('on a 390 px phone the public board fits the screen', async () => {
    const page = await ctx.browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await page.goto(`${ctx.server.url}/open/livestream/${demoId}`);
    await page.getByTestId('public-row').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: 'test-results/screenshots/livestream-public-phone.png' });
    await page.close();
  });
});
