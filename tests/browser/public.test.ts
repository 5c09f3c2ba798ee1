import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDemoOpportunities } from '../../src/server/demo/opportunities.js';
import { screenshot, signIn, useServerAndBrowser } from '../support/browser.js';
import { TEST_PASSWORD } from '../support/server.js';

const ctx = useServerAndBrowser({ demoProjects: true });
const HOSTILE = '<img src=x onerror="window.__pwned=1">示例<script>window.__pwned=2</script>';

beforeAll(async () => {
  await createDemoOpportunities(ctx.server.db, ctx.server.users.get('admin')!);
});

const pwned = (page: Page) => page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned);

describe('the public page of opportunities in Chromium', () => {
  it('an anonymous visitor reads the offers in Chinese and English and leaves an interest; markup stays text', async () => {
    const page = await ctx.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${ctx.server.url}/login`);
    await page.getByTestId('open-link').click();
    await page.getByTestId('open-offer').first().waitFor();
    const text = await page.getByTestId('open-page').innerText();
    expect(text).toContain('示例:木垒风电装备产业园叶片配套项目');
    expect(text).toContain('缺链·待引进');
    expect(text).not.toContain('筹备中');
    await screenshot(page, 'open-desktop-zh');

    await page.getByTestId('lang-switch').click();
    await page.getByText('Sample: wind-blade supply project, Mori wind-equipment park').waitFor();
    await page.getByTestId('open-untranslated').waitFor();
    await screenshot(page, 'open-desktop-en');

    await page.getByTestId('open-offer').filter({ hasText: 'Mori' }).getByTestId('interest-button').click();
    // The browser checks the server's rules first: a wrong phone never leaves the page.
    await page.getByTestId('interest-company').fill(HOSTILE);
    await page.getByTestId('interest-contact').fill('<b>Li</b>');
    await page.getByTestId('interest-phone').fill('12345');
    await page.getByTestId('interest-submit').click();
    await page.getByText('Enter a mainland mobile or a landline').waitFor();
    await page.getByTestId('interest-phone').fill('13912345678');
    await page.getByTestId('interest-investment').fill('20000');
    await page.getByTestId('interest-message').fill('<script>window.__pwned=3</script> We make blades.');
    await page.screenshot({ path: 'test-results/screenshots/open-interest-form-en.png' });
    await page.getByTestId('interest-submit').click();
        await page.getByTestId('interest-thanks').waitFor();
    await page.screenshot({ path: 'test-results/screenshots/open-interest-thanks-en.png' });
    expect(await pwned(page)).toBeUndefined();
    const lead = await ctx.server.db.selectFrom('leads').selectAll().where('source', '=', 'public_page').executeTakeFirstOrThrow();
    expect([lead.enterprise_name, lead.contact_phone, Number(lead.estimated_investment_yuan)]).toEqual([HOSTILE, '13912345678', 200_000_000]);
    await page.close();
  });

  it('on a 390 px phone the page fits the screen and the form opens', async () => {
    const page = await ctx.browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await page.goto(`${ctx.server.url}/open`);
    await page.getByTestId('open-offer').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'open-phone-zh');
    await page.getByTestId('open-gap').first().getByTestId('interest-button').click();
    await page.getByTestId('interest-form').waitFor();
    await page.screenshot({ path: 'test-results/screenshots/open-phone-form.png' });
    await page.close();
  });

  it('the sixth submission within the hour shows the 429 message clearly', async () => {
    const address = '192.0.2.44';
    const context = await ctx.browser.newContext({ viewport: { width: 1280, height: 800 }, extraHTTPHeaders: { 'x-forwarded-for': address } });
    const gap = (await ctx.server.db.selectFrom('chain_nodes').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
    for (let i = 1; i <= 5; i++) {
      const res = await fetch(`${ctx.server.url}/api/public/interests`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
        body: JSON.stringify({ nodeId: gap, companyName: `示例频繁提交企业${i}`, contactName: '赵', email: 'zhao@example.com' }),
      });
      expect(res.status).toBe(201);
    }
    const page = await context.newPage();
    await page.goto(`${ctx.server.url}/open`);
    await page.getByTestId('open-gap').first().getByTestId('interest-button').click();
    await page.getByTestId('interest-company').fill('示例投资有限公司');
    await page.getByTestId('interest-contact').fill('张经理');
    await page.getByTestId('interest-email').fill('zhang@example.com');
    await page.getByTestId('interest-submit').click();
    const error = page.getByTestId('interest-error');
    await error.waitFor();
    expect(await error.innerText()).toMatch(/提交过于频繁[\s\S]*请 (59|60) 分钟后再试/);
    await page.screenshot({ path: 'test-results/screenshots/open-rate-limited.png' });
    await context.close();
  });

  it('the admin sees the submission, the lead list and the audit log with the markup as literal text', async () => {
    const page = await ctx.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signIn(page, ctx.server.url, 'admin', TEST_PASSWORD);
    await page.getByTestId('menu-opportunities').click();
    await page.getByTestId('offer-row').first().waitFor();
    expect(await page.getByTestId('offer-row').count()).toBe(6);
    await screenshot(page, 'opportunities-admin');
    await page.getByTestId('tab-interests').click();
    const cell = page.getByTestId('interest-company-cell').filter({ hasText: 'onerror' });
    await cell.waitFor();
    expect(await cell.innerText()).toBe(HOSTILE);
    expect(await page.getByTestId('interest-row').filter({ hasText: 'onerror' }).innerText()).toContain('<script>window.__pwned=3</script> We make blades.');
    expect(await page.getByTestId('interest-table').locator('img, script').count()).toBe(0);
    await screenshot(page, 'opportunities-interests');
    expect(await pwned(page)).toBeUndefined();

    await page.getByTestId('menu-leads').click();
    await page.waitForLoadState('networkidle');
    expect(await pwned(page)).toBeUndefined();
    await page.goto(`${ctx.server.url}/audit`);
    await page.getByText('公开页面提交投资意向').first().waitFor();
    expect(await pwned(page)).toBeUndefined();
    await page.close();
  });
});

describe('the 投资项目清单 admin page in Chromium', () => {
  it('a county officer posts an offer for its own county, publishes it, and the public page shows it', async () => {
    const page = await ctx.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signIn(page, ctx.server.url, 'mulei', TEST_PASSWORD);
    await page.getByTestId('menu-opportunities').click();
    await page.getByTestId('offer-row').first().waitFor();
    // The county sees its own county's offers only.
    for (const row of await page.getByTestId('offer-row').allInnerTexts()) expect(row).toContain('木垒');
    await page.getByTestId('offer-new').click();
    await page.getByTestId('offer-title').fill('木垒县示例光伏支架配套项目');
    await page.getByTestId('offer-title-en').fill('Sample: PV mounting structures, Mori');
    expect(await page.getByTestId('offer-region').innerText()).toContain('木垒');
    await page.screenshot({ path: 'test-results/screenshots/opportunities-new-offer.png' });
    await page.getByTestId('offer-save').click();
    const row = page.getByTestId('offer-row').filter({ hasText: '木垒县示例光伏支架配套项目' });
    await row.waitFor();
    expect(await row.innerText()).toContain('未公开');
    await row.getByTestId('offer-publish').click();
    await expect.poll(() => row.innerText()).toContain('已公开');

    await page.goto(`${ctx.server.url}/open`);
    await page.getByText('木垒县示例光伏支架配套项目').waitFor();
    await page.close();
  });
});
