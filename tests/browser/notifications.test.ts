import { describe, expect, it } from 'vitest';
import { sweepServiceDeadlines } from '../../src/server/service-requests/escalate.js';
import { todayInShanghai } from '../../src/shared/format.js';
import { addEnterprise } from '../support/chain-fixture.js';
import { screenshot, signIn, useServerAndBrowser } from '../support/browser.js';
import { daysAgo } from '../support/factories.js';
import { TEST_PASSWORD } from '../support/server.js';
import { insertServiceRequest } from '../support/service-fixture.js';

const ctx = useServerAndBrowser();

describe('notifications, 督办 and service settings in Chromium', () => {
  it('an overdue request is escalated by the sweep: the dashboard counts it, the bell shows the notice, reading it clears the count', async () => {
    const enterprise = await addEnterprise(await ctx.server.as('admin'), { name: '示例浏览器测试企业有限公司' });
    await insertServiceRequest(ctx.server.db, { enterprise_id: enterprise.id, title: '厂区供电线路迟迟未接入', due_on: daysAgo(6), red_on: daysAgo(2) });
    expect((await sweepServiceDeadlines({ db: ctx.server.db, today: todayInShanghai() })).escalated).toBe(1);

    const page = await ctx.browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await signIn(page, ctx.server.url, 'admin', TEST_PASSWORD);
    await page.getByTestId('dashboard-escalated-item').first().waitFor();
    expect(await page.getByTestId('dashboard-services-open').innerText()).toBe('1');
    expect(await page.getByTestId('dashboard-services-overdue').innerText()).toBe('1');
    expect(await page.getByTestId('dashboard-services-escalated').innerText()).toBe('1');
    expect(await page.getByTestId('dashboard-services-confirmed').innerText()).toBe('0');
    expect(await page.getByTestId('dashboard-services-rating').innerText()).toBe('—');
    expect(await page.getByTestId('dashboard-escalated-item').innerText()).toContain('厂区供电线路迟迟未接入');
    await page.waitForFunction(() => document.querySelector('[data-testid="notifications-count"]')?.textContent === '1');
    await screenshot(page, 'notifications-dashboard');

    await page.getByTestId('notifications-bell').click();
    await page.waitForURL('**/notifications');
    const item = page.getByTestId('notification-item').filter({ hasText: '督办:厂区供电线路迟迟未接入' });
    await item.waitFor();
    await screenshot(page, 'notifications-inbox');
    await item.getByTestId('notification-mark-read').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="notifications-count"]')?.textContent === '0');
    await page.getByTestId('notifications-filter').getByText('未读').click();
    await page.getByText('没有未读通知').waitFor();
    await page.close();
  });

  it('the admin edits a service level in place, adds and deletes a holiday (after confirming) and checks a deadline', async () => {
    const page = await ctx.browser.newPage({ viewport: { width: 1440, height: 1100 } });
    await signIn(page, ctx.server.url, 'admin', TEST_PASSWORD);
    await page.getByTestId('menu-settings').click();
    await page.getByTestId('menu-settings-services').click();
    await page.waitForURL('**/settings/services');

    const days = page.getByTestId('level-power-workingDays');
    await days.fill('4');
    await page.getByTestId('level-save-power').click();
    await page.getByText('已保存').waitFor();
    const level = await ctx.server.db.selectFrom('service_levels').select('working_days').where('category', '=', 'power').executeTakeFirstOrThrow();
    expect(level.working_days).toBe(4);

    // 2026's official days are loaded: the Spring Festival break is listed.
    await page.getByTestId('calendar-year').click();
    await page.locator('.ant-select-item-option').filter({ hasText: /^2026$/ }).click();
    await page.getByTestId('calendar-row').filter({ hasText: '2026-02-16' }).waitFor();
    await page.getByTestId('calc-from').click();
    await page.getByTestId('calc-from').fill('2026-02-13');
    await page.getByTestId('calc-from').press('Enter');
    await page.getByTestId('calc-days').fill('2');
    await page.getByTestId('calc-run').click();
    expect(await page.getByTestId('calc-result').innerText()).toContain('2026-02-24');
    await screenshot(page, 'settings-services');

    await page.getByTestId('calendar-new-day').click();
    await page.getByTestId('calendar-new-day').fill('2026-07-01');
    await page.getByTestId('calendar-new-day').press('Enter');
    await page.getByTestId('calendar-new-name').fill('测试假日');
    await page.getByTestId('calendar-add').click();
    const row = page.getByTestId('calendar-row').filter({ hasText: '2026-07-01' });
    await row.waitFor();
    await row.getByTestId('calendar-delete').click();
    await page.getByText('确定将 2026-07-01 恢复为普通日期吗?').waitFor();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /删\s*除/ }).click();
    await row.waitFor({ state: 'detached' });
    expect(await ctx.server.db.selectFrom('calendar_days').select('day').where('day', '=', '2026-07-01').executeTakeFirst()).toBeUndefined();
    await page.close();
  });
});
