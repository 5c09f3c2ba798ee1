import { describe, expect, it } from 'vitest';
import { screenshot, signIn, useServerAndBrowser } from '../support/browser.js';
import { TEST_PASSWORD } from '../support/server.js';

const ctx = useServerAndBrowser({ demoProjects: true });
const SENTENCE = '6个县市(园区)与9家“链主”企业、16家产业链上下游优质企业,共签约合作项目16个,总投资达57.42亿元';

describe('investment events in Chromium', () => {
  it('admin opens the demo conference, reads its summary, scorecard and run sheet, and checks a guest in on a phone', async () => {
    const page = await ctx.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signIn(page, ctx.server.url, 'admin', TEST_PASSWORD);
    await page.getByTestId('menu-events').click();
    const row = page.getByTestId('event-row').filter({ hasText: '2023年新疆·昌吉“链主”企业产业招商恳谈会' });
    await row.waitFor();
    expect(await row.innerText()).toContain('57.42亿元');
    await screenshot(page, 'events-list');

    await row.getByTestId('event-link').click();
    const sentence = page.getByTestId('event-summary-sentence');
    await sentence.waitFor();
    expect(await sentence.innerText()).toBe(SENTENCE);
    expect(await page.getByTestId('event-figure-regions').innerText()).toContain('6');
    expect(await page.getByTestId('event-figure-chainLeaders').innerText()).toContain('9');
    expect(await page.getByTestId('event-figure-total').innerText()).toContain('57.42');
    await screenshot(page, 'event-overview');

    await page.getByTestId('tab-scorecard').click();
    await page.getByTestId('scorecard-row').first().waitFor();
    expect(await page.getByTestId('scorecard-row').count()).toBe(16);
    expect(await page.getByTestId('scorecard-median-landed').innerText()).toContain('95');
    expect(await page.getByTestId('scorecard-median-started').innerText()).toContain('183.5');
    expect(await page.getByTestId('scorecard-stage-started').innerText()).toContain('5');
    await screenshot(page, 'event-scorecard');

    await page.getByTestId('tab-guests').click();
    await expect.poll(() => page.getByTestId('guest-row').count()).toBe(20);
    expect(await page.getByTestId('guest-counts').innerText()).toContain('已签到 20');
    await screenshot(page, 'event-guests');

    await page.getByTestId('tab-groups').click();
    await expect.poll(() => page.getByTestId('group-card').count()).toBe(5);
    await screenshot(page, 'event-groups');

    await page.getByTestId('tab-signings').click();
    await expect.poll(() => page.getByTestId('signing-row').count()).toBe(16);
    expect(await page.getByTestId('signings-total').innerText()).toBe('57.42亿元');
    await screenshot(page, 'event-signings');

    await page.getByTestId('event-run-sheet').click();
    await page.getByTestId('run-sheet-title').waitFor();
    expect(await page.getByTestId('run-sheet-summary').innerText()).toBe(SENTENCE);
    expect(await page.getByTestId('run-sheet-group').count()).toBe(5);
    expect(await page.getByTestId('run-sheet-guests').locator('tbody tr').count()).toBe(30);
    await screenshot(page, 'event-run-sheet');
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('run-sheet-print').isVisible()).toBe(false);
    await screenshot(page, 'event-run-sheet-print');
    await page.close();

    const phone = await ctx.browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await signIn(phone, ctx.server.url, 'admin', TEST_PASSWORD);
    const eventUrl = new URL(page.url()).pathname.replace('/run-sheet', '');
    await phone.goto(`${ctx.server.url}${eventUrl}/check-in`);
    await phone.getByTestId('checkin-progress').waitFor();
    expect(await phone.getByTestId('checkin-progress').innerText()).toContain('20 / 30');
    await phone.getByTestId('checkin-search').fill('王青');
    const guest = phone.getByTestId('checkin-guest').filter({ hasText: '南昌荣凯实业有限公司' });
    await expect.poll(() => phone.getByTestId('checkin-guest').count()).toBe(1);
    await screenshot(phone, 'event-check-in-phone-before');
    await guest.getByTestId('checkin-button').click();
    await guest.getByTestId('checkin-done').waitFor();
    await expect.poll(async () => phone.getByTestId('checkin-progress').innerText()).toContain('21 / 30');
    // Nothing wider than the phone: the desk works without sideways scrolling.
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(phone, 'event-check-in-phone');

    // Back at the desk: a late guest is added through the form and counted.
    await phone.setViewportSize({ width: 1280, height: 800 });
    await phone.goto(`${ctx.server.url}${eventUrl}?tab=guests`);
    await phone.getByTestId('guest-add').click();
    await phone.getByTestId('guest-name').fill('测试嘉宾');
    await screenshot(phone, 'event-guest-form');
    await phone.locator('.ant-modal-footer .ant-btn-primary').click();
    await expect.poll(() => phone.getByTestId('guest-counts').innerText()).toContain('嘉宾 31');
    await phone.close();
  });

  it('a region officer reads the conference but gets no editing buttons', async () => {
    const page = await ctx.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signIn(page, ctx.server.url, 'mulei', TEST_PASSWORD);
    await page.getByTestId('menu-events').click();
    await page.getByTestId('event-link').first().click();
    await page.getByTestId('event-summary-sentence').waitFor();
    expect(await page.getByTestId('event-edit').count()).toBe(0);
    expect(await page.getByTestId('event-check-in').count()).toBe(0);
    await page.getByTestId('tab-scorecard').click();
    await expect.poll(() => page.getByTestId('scorecard-row').count()).toBe(3);
    await screenshot(page, 'event-scorecard-mulei');
    // From the scorecard to the project, whose page links back to the event it was signed at.
    await page.getByTestId('scorecard-row').first().locator('a').first().click();
    const back = page.getByTestId('project-signing-event');
    await back.waitFor();
    expect(await back.innerText()).toContain('2023年新疆·昌吉“链主”企业产业招商恳谈会');
    await screenshot(page, 'project-signed-at-event');
    await back.click();
    await page.getByTestId('event-summary-sentence').waitFor();
    await page.getByTestId('lang-switch').click();
    await page.getByTestId('tab-overview').click();
    await expect.poll(() => page.getByTestId('event-summary-sentence').innerText()).toContain('signed 16 cooperation projects with 9 chain-leader enterprises');
    await screenshot(page, 'event-overview-en');
    await page.close();
  });
});
