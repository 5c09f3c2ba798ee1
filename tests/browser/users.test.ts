import { describe, expect, it } from 'vitest';
import { screenshot, signIn, useServerAndBrowser } from '../support/browser.js';
import { TEST_PASSWORD } from '../support/server.js';

const ctx = useServerAndBrowser({ demoProjects: true });
const PASSWORD = 'Qitai-County-2026';

describe('user accounts in Chromium', () => {
  it('the admin creates a county officer for 奇台县, who signs in; disabling the account after a confirmation signs the officer out', async () => {
    const adminContext = await ctx.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await adminContext.newPage();
    await signIn(page, ctx.server.url, 'admin', TEST_PASSWORD);
    await page.goto(`${ctx.server.url}/settings/users`);
    await page.getByTestId('user-table').getByText('mulei', { exact: true }).waitFor();
    await page.getByTestId('user-new').click();
    await page.getByTestId('user-username').fill('qitai1');
    await page.getByTestId('user-display-name').fill('奇台县招商专员(测试)');
    await page.getByTestId('user-password').fill('qitai');
    await page.getByTestId('user-regions').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '奇台县' }).click();
    await page.keyboard.press('Escape');
    await page.getByTestId('user-save').click();
    // The weak password is refused under its own field, and nothing is created.
    await page.locator('.ant-form-item-explain-error').filter({ hasText: '新密码不符合要求' }).waitFor();
    await page.getByTestId('user-password').fill(PASSWORD);
    await page.getByTestId('user-save').click();
    await page.getByTestId('user-table').getByText('qitai1', { exact: true }).waitFor();
    expect(await page.getByTestId('user-table').locator('tr', { hasText: 'qitai1' }).innerText()).toContain('奇台县');
    await screenshot(page, 'users-list');

    const officerContext = await ctx.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const officer = await officerContext.newPage();
    await signIn(officer, ctx.server.url, 'qitai1', PASSWORD);
    expect(await officer.getByTestId('current-user').innerText()).toContain('奇台县招商专员');

    await page.getByTestId('user-disable-qitai1').click();
    await page.getByTestId('user-disable-ok').click();
    await page.getByTestId('user-table').locator('tr', { hasText: 'qitai1' }).getByText('已停用').waitFor();
    // The officer's open page may already have been sent to the sign-in page by a background
    // poll answered 401, so the test opens the ledger afresh instead of clicking a menu that may be gone.
    await officer.goto(`${ctx.server.url}/projects`);
    await officer.waitForURL('**/login**');
    const answer = await officer.request.get(`${ctx.server.url}/api/projects`);
    expect(answer.status()).toBe(401);
    await adminContext.close();
    await officerContext.close();
  });
});
