import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, signIn, useServerAndBrowser } from '../support/browser.js';
import { TEST_PASSWORD } from '../support/server.js';

const ctx = useServerAndBrowser({ demoProjects: true });

/** The number a KPI card shows, without its unit (3个 → 3). */
async function kpi(page: Page, id: string): Promise<number> {
  const text = await page.getByTestId(id).innerText();
  return Number(text.replace(/[^\d.]/g, ''));
}

describe('the project ledger in Chromium', () => {
  it('mulei sees only 木垒 projects, advances one a stage and sees the dashboard change', async () => {
    const page = await ctx.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signIn(page, ctx.server.url, 'mulei', TEST_PASSWORD);
    await page.getByTestId('kpi-projects').waitFor();
    await expect.poll(() => kpi(page, 'kpi-projects')).toBe(3);
    const overdueBefore = await kpi(page, 'kpi-overdue');
    expect(overdueBefore).toBeGreaterThan(0);
    await screenshot(page, 'mulei-dashboard');

    await page.getByTestId('menu-projects').click();
    await page.getByTestId('project-row').first().waitFor();
    const rows = page.getByTestId('project-row');
    expect(await rows.count()).toBe(3);
    for (const text of await rows.allInnerTexts()) expect(text).toContain('木垒');
    await screenshot(page, 'mulei-projects');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-excel').click()]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await download.path())!);
    const sheet = workbook.getWorksheet('项目台账')!;
    expect(sheet.rowCount).toBe(1 + 3 + 1);
    expect(sheet.getRow(2).getCell(5).value).toBe('木垒哈萨克自治县');

    // The demo's sample project in 木垒 is still at 签约 and overdue to land.
    await rows.filter({ hasText: '示例项目' }).getByTestId('project-link').click();
    await expect.poll(() => page.getByTestId('project-stage').first().getAttribute('data-stage')).toBe('signed');
    await page.getByTestId('advance-button').click();
    await page.getByTestId('transition-note').fill('已完成土地摘牌');
    // The server's answer is read so that a refusal fails here with its reason rather than as a stale stage.
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/transitions') && r.request().method() === 'POST'),
      page.getByTestId('transition-submit').click(),
    ]);
    expect({ status: answer.status(), body: answer.status() === 200 ? null : await answer.text() }).toEqual({ status: 200, body: null });
    await expect.poll(() => page.getByTestId('project-stage').first().getAttribute('data-stage')).toBe('landed');
    await expect.poll(() => page.getByTestId('history-item').count()).toBe(2);
    await screenshot(page, 'mulei-project-advanced');

    await page.getByTestId('menu-dashboard').click();
    await expect.poll(() => kpi(page, 'kpi-overdue')).toBe(overdueBefore - 1);
    await page.close();
  });

  it('the transition form shows the server’s message on a back-dated date', async () => {
    const page = await ctx.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signIn(page, ctx.server.url, 'manas', TEST_PASSWORD);
    await page.goto(`${ctx.server.url}/projects`);
    await page.getByTestId('project-row').filter({ hasText: '南昌荣凯' }).getByTestId('project-link').click();
    await page.getByTestId('advance-button').click();
    const date = page.getByTestId('transition-date');
    await date.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('2020-01-01');
    await page.keyboard.press('Enter');
    await page.getByTestId('transition-submit').click();
    await expect.poll(() => page.locator('.ant-form-item-explain-error, [data-testid="transition-error"]').allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringContaining('不能早于')]),
    );
    await screenshot(page, 'manas-transition-error');
    await page.close();
  });

  it('the leader reads everything and finds no way to write', async () => {
    const page = await ctx.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signIn(page, ctx.server.url, 'leader', TEST_PASSWORD);
    await expect.poll(() => kpi(page, 'kpi-projects')).toBe(16);
    expect(await page.getByTestId('kpi-investment').innerText()).toContain('57.42亿');
    await page.getByTestId('menu-projects').click();
    await page.getByTestId('project-row').first().waitFor();
    expect(await page.getByTestId('create-project').count()).toBe(0);
    await page.getByTestId('project-link').first().click();
    await page.getByTestId('project-detail').waitFor();
    for (const id of ['edit-project', 'advance-button', 'terminate-button', 'rollback-button']) {
      expect(await page.getByTestId(id).count()).toBe(0);
    }
    // Even a hand-made request from the leader's own session is refused by the ctx.server.
    const status = await page.evaluate(async () => {
      const me = await (await fetch('/api/auth/me')).json();
      const res = await fetch('/api/projects/1/transitions', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify({ to: 'landed', date: '2024-01-01' }),
      });
      return res.status;
    });
    expect(status).toBe(403);
    expect(await page.getByTestId('menu-audit').count()).toBe(0);
    await page.close();
  });

  it('works at phone width: the menu folds away and the ledger still opens', async () => {
    const page = await ctx.browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
    await signIn(page, ctx.server.url, 'gaoxin', TEST_PASSWORD);
    await page.getByTestId('menu-toggle').waitFor();
    await screenshot(page, 'gaoxin-phone-dashboard');
    await page.goto(`${ctx.server.url}/projects`);
    await page.getByTestId('project-row').first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await screenshot(page, 'gaoxin-phone-projects');
    await page.close();
  });
});
