import dayjs from 'dayjs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { todayInShanghai } from '../../src/shared/format.js';
import { screenshot, signIn, useServerAndBrowser } from '../support/browser.js';
import { TEST_PASSWORD } from '../support/server.js';

const ctx = useServerAndBrowser({ demoProjects: true, demoServiceRequests: true });

// The demo's projects were signed in 2023; the default period (this year) would hold none of them.
const SINCE_DEMO = 'from=2023-01-01';
const COUNTIES = ['昌吉市', '阜康市', '呼图壁县', '玛纳斯县', '奇台县', '吉木萨尔县', '木垒哈萨克自治县'];

interface DrawnCounty {
  code: string;
  name: string;
  x: number;
  y: number;
}

/**
 * The counties ECharts actually drew: the map writes them after each drawing, each with the pixel
 * of its label point, and only when that pixel hits the drawn geography.
 */
async function drawnCounties(page: Page, testId: string): Promise<DrawnCounty[]> {
  const map = page.getByTestId(testId);
  await expect.poll(async () => JSON.parse((await map.getAttribute('data-points')) || '[]').length, { timeout: 20_000 }).toBe(7);
  return JSON.parse((await map.getAttribute('data-points'))!) as DrawnCounty[];
}

async function hoverTooltip(page: Page, testId: string, county: DrawnCounty): Promise<string> {
  const box = (await page.getByTestId(testId).boundingBox())!;
  await page.mouse.move(box.x + county.x, box.y + county.y);
  const tip = page.locator(`[data-testid="${testId}"] > div`).filter({ hasText: county.name }).last();
  await tip.waitFor({ state: 'visible' });
  return tip.innerText();
}

describe('the command view in Chromium', () => {
  it('leader opens 指挥视图: the map draws the seven counties under our region names, each answers a hover with its figure, a click opens its projects', async () => {
    const page = await ctx.browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(page, ctx.server.url, 'leader', TEST_PASSWORD);
    await page.getByTestId('menu-command-group').click();
    await page.getByTestId('menu-command').click();
    await page.waitForURL('**/command');
    await page.goto(`${ctx.server.url}/command?${SINCE_DEMO}`);

    const counties = await drawnCounties(page, 'county-map');
    const regions = (await (await ctx.server.as('leader')).get('/api/regions')).body.items as { code: string; name: string; kind: string }[];
    const ours = regions.filter((r) => r.kind === 'county');
    expect(counties.map((c) => c.name).sort()).toEqual([...COUNTIES].sort());
    expect(counties.map((c) => `${c.code} ${c.name}`).sort()).toEqual(ours.map((r) => `${r.code} ${r.name}`).sort());

    // 木垒's three demo projects, as the figures route counts them.
    const mulei = counties.find((c) => c.code === '652328')!;
    expect(await hoverTooltip(page, 'county-map', mulei)).toMatch(/木垒哈萨克自治县\s+3$/);
    await screenshot(page, 'command-leader');

    // The table view holds the same numbers, parks included.
    await page.getByTestId('map-card-as-table').click();
    const rows = page.getByTestId('map-card-table').locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(9);
    expect(await rows.filter({ hasText: '木垒哈萨克自治县' }).innerText()).toMatch(/3$/);
    // Another figure re-reads the counties: 木垒's three projects total 11.50亿元.
    await page.getByTestId('map-figure').getByText('总投资').click();
    await expect.poll(() => rows.filter({ hasText: '木垒哈萨克自治县' }).innerText()).toMatch(/11\.50亿元$/);
    await page.getByTestId('map-figure').getByText('项目数').click();
    await expect.poll(() => rows.filter({ hasText: '木垒哈萨克自治县' }).innerText()).toMatch(/\t3$/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('map-card-export').click()]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await download.path())!);
    const sheet = workbook.worksheets[0];
    const names = sheet.getColumn(1).values.map(String);
    for (const county of COUNTIES) expect(names).toContain(county);

    await page.getByTestId('map-card-as-chart').click();
    const again = await drawnCounties(page, 'county-map');
    const box = (await page.getByTestId('county-map').boundingBox())!;
    const target = again.find((c) => c.code === '652328')!;
    await page.mouse.click(box.x + target.x, box.y + target.y);
    await page.waitForURL('**/projects?region=652328');
    await page.getByTestId('project-row').first().waitFor();
    for (const text of await page.getByTestId('project-row').allInnerTexts()) expect(text).toContain('木垒');
    await page.close();
  });

  it('opened on its default period (this year, which holds none of the 2023 demo projects) the view says so, and 「查看近五年」 brings them in', async () => {
    const page = await ctx.browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(page, ctx.server.url, 'admin', TEST_PASSWORD);
    await page.goto(`${ctx.server.url}/command`);
    await page.getByTestId('figure-empty-period').waitFor();
    expect(await page.getByTestId('headline-signed').innerText()).toBe('0');
    await page.getByTestId('figure-five-years').click();
    await page.waitForURL(/from=\d{4}-\d{2}-\d{2}/);
    const period = new URL(page.url()).searchParams;
    expect(period.get('from')).toBe(dayjs(period.get('to')).subtract(5, 'year').add(1, 'day').format('YYYY-MM-DD'));
    await expect.poll(() => page.getByTestId('headline-signed').innerText()).not.toBe('0');
    await page.getByTestId('figure-empty-period').waitFor({ state: 'detached' });
    await page.close();
  });

  it('a project moving from 签约 to 落地 raises the 落地率 the command view shows, and the indicator table regroups by event', async () => {
    const page = await ctx.browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(page, ctx.server.url, 'admin', TEST_PASSWORD);
    await page.goto(`${ctx.server.url}/command?${SINCE_DEMO}`);
    const landed = page.getByTestId('headline-landedRate');
    await landed.waitFor();
    const before = await landed.innerText();
    expect(before).toMatch(/^\d+\.\d%$/);

    const admin = await ctx.server.as('admin');
    const signed = (await admin.get('/api/projects?stage=signed&page=1&pageSize=1')).body.items[0];
    expect((await admin.post(`/api/projects/${signed.id}/transitions`, { to: 'landed', date: todayInShanghai(), note: '已完成土地摘牌' })).status).toBe(200);

    await page.reload();
    await expect.poll(() => landed.innerText()).not.toBe(before);
    expect(Number((await landed.innerText()).replace('%', ''))).toBeGreaterThan(Number(before.replace('%', '')));

    // The total row holds the same figure as the headline.
    const total = page.locator('[data-testid="indicator-row"][data-key="__total"]');
    expect(await total.innerText()).toContain(await landed.innerText());
    await page.getByTestId('indicator-group').getByText('按招商活动').click();
    await expect.poll(() => page.getByTestId('indicator-row').count()).toBeGreaterThan(1);
    expect(await page.getByTestId('indicator-card').innerText()).toContain('招商活动');
    // The definition is there on hover.
    await page.getByTestId('indicator-head-landedRate').first().hover();
    await page.getByRole('tooltip').filter({ hasText: '终止项目计入分母' }).waitFor();
    await screenshot(page, 'command-by-event');
    await page.close();
  });

  it('the admin sets a target: a yellow above green is refused naming the indicator, a good one colours the headline', async () => {
    const page = await ctx.browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(page, ctx.server.url, 'admin', TEST_PASSWORD);
    await page.goto(`${ctx.server.url}/settings/indicator-targets`);
    await page.getByTestId('target-row-startedRate').waitFor();
    await page.getByTestId('target-startedRate-green').fill('40');
    await page.getByTestId('target-startedRate-yellow').fill('60');
    await page.getByTestId('target-startedRate-yellow').blur();
    expect(await page.getByTestId('target-problem').innerText()).toContain('「开工率」越高越好,预警值不能高于达标值');
    expect(await page.getByTestId('targets-save').isDisabled()).toBe(true);

    // 开工率 of the demo since 2023 is far below 90%: red.
    await page.getByTestId('target-startedRate-green').fill('90');
    await page.getByTestId('target-startedRate-yellow').fill('80');
    await page.getByTestId('target-startedRate-yellow').blur();
    await page.getByTestId('targets-save').click();
    await page.getByText('已保存').waitFor();
    const saved = (await (await ctx.server.as('admin')).get('/api/indicator-targets')).body.targets;
    expect(saved).toContainEqual(expect.objectContaining({ indicator: 'startedRate', green: 0.9, yellow: 0.8 }));
    await screenshot(page, 'indicator-targets');

    await page.goto(`${ctx.server.url}/command?${SINCE_DEMO}`);
    await expect.poll(() => page.getByTestId('headline-startedRate').getAttribute('data-status')).toBe('red');
    expect(await page.getByTestId('headline-signed').getAttribute('data-status')).toBeNull();
    await page.close();
  });

  it('the big screen fits 1920×1080 without scrolling, draws the map, shows the clock and when the data was read, and reads again after 60 s', async () => {
    const page = await ctx.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await signIn(page, ctx.server.url, 'leader', TEST_PASSWORD);
    await page.clock.install();
    let reads = 0;
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/api/indicators') reads++;
    });
    await page.goto(`${ctx.server.url}/bigscreen?${SINCE_DEMO}`);
    await drawnCounties(page, 'bigscreen-map');
    await expect.poll(() => page.getByTestId('bigscreen-updated').innerText()).toMatch(/^数据更新于 \d{2}:\d{2}$/);
    expect(await page.getByTestId('bigscreen-clock').innerText()).toMatch(/\d{2}:\d{2}:\d{2}/);
    expect(await page.getByTestId('bigscreen-signed').innerText()).toBe('16');
    const size = await page.evaluate(() => ({ h: document.documentElement.scrollHeight, w: document.documentElement.scrollWidth }));
    expect(size.h).toBeLessThanOrEqual(1080);
    expect(size.w).toBeLessThanOrEqual(1920);
    // Nothing on the stage spills out of the window either (the root hides overflow).
    const spill = await page.evaluate(() =>
      [...document.querySelectorAll('.bs-panel')].filter((el) => {
        const r = el.getBoundingClientRect();
        return r.bottom > window.innerHeight + 0.5 || r.right > window.innerWidth + 0.5;
      }).length,
    );
    expect(spill).toBe(0);
    await screenshot(page, 'bigscreen-1920');

    const first = reads;
    await page.clock.fastForward(61_000);
    await expect.poll(() => reads).toBeGreaterThan(first);
    await page.close();
  });

  it('mulei reads the May 2023 report of 木垒 alone, and the 台账 workbook holds one sheet for 木垒 after the 汇总', async () => {
    const page = await ctx.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, ctx.server.url, 'mulei', TEST_PASSWORD);
    await page.getByTestId('menu-command-group').click();
    await page.getByTestId('menu-reports').click();
    await page.waitForURL('**/reports');
    await page.goto(`${ctx.server.url}/reports?month=2023-05`);
    const sheet = page.getByTestId('report-sheet');
    await sheet.waitFor();
    expect(await sheet.locator('h1').innerText()).toBe('木垒哈萨克自治县2023年5月招商引资项目推进月度报告');
    // The picker says whose report it is rather than offering the whole prefecture.
    expect(await page.getByTestId('report-region').innerText()).toBe('木垒哈萨克自治县');
    const regionRows = await page.getByTestId('report-regions').locator('tbody tr').allInnerTexts();
    expect(regionRows).toHaveLength(1);
    expect(regionRows[0]).toContain('木垒哈萨克自治县');
    expect(await page.getByTestId('report-pdf').getAttribute('href')).toBe('/api/reports/monthly.pdf?month=2023-05');
    await screenshot(page, 'report-mulei-2023-05');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-ledger').click()]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await download.path())!);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['汇总', '木垒哈萨克自治县']);
    await page.close();
  });
});
