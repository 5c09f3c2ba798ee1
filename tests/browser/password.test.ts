import { describe, expect, it } from 'vitest';
import { screenshot, signIn, useServerAndBrowser } from '../support/browser.js';
import { TEST_PASSWORD } from '../support/server.js';

const ctx = useServerAndBrowser();
const NEW_PASSWORD = 'Manas-Aluminium-2026';

describe('changing one’s password in Chromium', () => {
  it('mulei is told which rule a weak password breaks, changes it, and signs in again with the new one only', async () => {
    const context = await ctx.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await signIn(page, ctx.server.url, 'mulei', TEST_PASSWORD);
    await page.getByTestId('current-user').click();
    await page.getByTestId('menu-change-password').click();
    await page.getByTestId('password-current').fill(TEST_PASSWORD);
    await page.getByTestId('password-new').fill('mulei2026');
    await page.getByTestId('password-confirm').fill('mulei2026');
    await page.getByTestId('password-submit').click();
    const fieldError = page.locator('.ant-form-item-explain-error').filter({ hasText: '新密码不符合要求' });
    await fieldError.waitFor();
    expect(await fieldError.innerText()).toContain('不能包含用户名');
    await screenshot(page, 'password-weak');

    await page.getByTestId('password-new').fill(NEW_PASSWORD);
    await page.getByTestId('password-confirm').fill(NEW_PASSWORD);
    await page.getByTestId('password-submit').click();
    await page.getByText('密码已修改,其他设备上的登录已失效').waitFor();
    // The tab keeps working on its new session: a page that reads data still loads.
    await page.getByTestId('menu-projects').click();
    await page.waitForURL('**/projects');
    await page.getByTestId('sign-out').click();
    await page.waitForURL('**/login');

    expect((await ctx.server.anonymous().login('mulei', TEST_PASSWORD)).status).toBe(401);
    await signIn(page, ctx.server.url, 'mulei', NEW_PASSWORD);
    expect(await page.getByTestId('current-user').innerText()).toContain('木垒');
    await context.close();
  });
});
