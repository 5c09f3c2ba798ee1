import { generate } from 'otplib';
import { describe, expect, it } from 'vitest';
import { screenshot, useServerAndBrowser } from '../support/browser.js';
import { TEST_PASSWORD } from '../support/server.js';

const ctx = useServerAndBrowser({ config: { totpRequiredRoles: ['admin'] } });

describe('two-step verification in Chromium', () => {
  it('an admin is held at the set-up page until an authenticator code turns it on, and later signs in with password and code', async () => {
    const context = await ctx.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${ctx.server.url}/login`);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill(TEST_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('totp-required').waitFor();
    expect(await page.getByTestId('menu-projects').count()).toBe(0);
    await page.getByTestId('totp-start').click();
    await page.getByTestId('totp-qr').waitFor();
    const secret = (await page.getByTestId('totp-secret').innerText()).trim();
    await screenshot(page, 'two-step-setup');
    await page.getByTestId('totp-code').fill(await generate({ secret }));
    await page.getByTestId('totp-enable').click();
    await page.getByTestId('menu-projects').waitFor();

    await page.getByTestId('sign-out').click();
    await page.waitForURL('**/login');
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill(TEST_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('login-totp').waitFor();
    expect(await page.getByTestId('login-error').innerText()).toContain('动态验证码');
    // The code that turned it on is spent; the next window's code is accepted.
    await page.getByTestId('login-totp').fill(await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 }));
    await screenshot(page, 'two-step-login');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('menu-projects').waitFor();
    await context.close();
  });
});
