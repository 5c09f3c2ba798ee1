import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, signIn, useServerAndBrowser } from '../support/browser.js';
import { TEST_PASSWORD } from '../support/server.js';

const ctx = useServerAndBrowser({ demoProjects: true, demoApprovals: true });
const PROJECT = '唐山海泰新能新能源装备项目(示例名称)';

/** Handles the item: opens its dialog, moves it to `status` (the date fills with today) and saves. */
async function moveItem(page: Page, name: string, status: string) {
  await page.locator(`[data-testid="approval-row"][data-name="${name}"]`).getByTestId('approval-handle').click();
  await page.getByTestId('approval-status-select').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: status }).click();
  await page.getByTestId('approval-save').click();
  await page.getByTestId('approval-save').waitFor({ state: 'detached' });
}

describe('approvals and factors in Chromium', () => {
  it('admin sees 开工受阻 on the ledger and the project’s tab, approves 施工许可, and the banner names only the power shortfall', async () => {
    const page = await ctx.browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await signIn(page, ctx.server.url, 'admin', TEST_PASSWORD);
    await page.goto(`${ctx.server.url}/projects?blocked=1`);
    const row = page.getByTestId('project-row').filter({ hasText: PROJECT });
    await row.waitFor();
    expect(await row.getByTestId('blocked-tag').innerText()).toBe('开工受阻:施工许可未批复、用电缺口 1200 kVA');
    await screenshot(page, 'approvals-ledger-blocked');

    await row.getByTestId('project-link').click();
    await page.getByTestId('tab-services').click();
    const banner = page.getByTestId('blocked-banner');
    await banner.waitFor();
    expect(await banner.innerText()).toBe('开工受阻:施工许可未批复、用电缺口 1200 kVA');
    await screenshot(page, 'approvals-project-tab');

    await moveItem(page, '施工许可', '已申报');
    await page.locator('[data-testid="approval-row"][data-name="施工许可"] [data-status="submitted"]').waitFor();
    expect(await banner.innerText()).toBe('开工受阻:施工许可审批中、用电缺口 1200 kVA');
    await moveItem(page, '施工许可', '已批复');
    await page.locator('[data-testid="approval-row"][data-name="施工许可"] [data-status="approved"]').waitFor();
    await page.getByText('开工受阻:用电缺口 1200 kVA').waitFor();
    expect(await banner.innerText()).toBe('开工受阻:用电缺口 1200 kVA');
    expect(page.url()).toContain('tab=services');
    await screenshot(page, 'approvals-project-tab-approved');

    await page.getByTestId('lang-switch').click();
    await page.getByText('Start blocked: power short by 1,200 kVA').waitFor();
    expect(await page.locator('[data-testid="approval-row"][data-name="施工许可"]').innerText()).toContain('Construction permit');
    await screenshot(page, 'approvals-project-tab-en');
    await page.getByTestId('lang-switch').click();

    await page.goto(`${ctx.server.url}/settings/approval-templates`);
    await page.getByTestId('template-industrial').waitFor();
    await screenshot(page, 'approvals-templates');
  });

  it('fgw’s 审批事项 queue lists only 发改委 items, open ones by default', async () => {
    const page = await ctx.browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await signIn(page, ctx.server.url, 'fgw', TEST_PASSWORD);
    await page.getByTestId('menu-approvals').click();
    await page.waitForURL('**/approvals');
    await page.getByTestId('queue-row').first().waitFor();
    const texts = await page.getByTestId('queue-row').allInnerTexts();
    expect(texts.length).toBeGreaterThanOrEqual(2);
    expect(texts.every((t) => t.includes('发展改革委') && !t.includes('已批复'))).toBe(true);
    await screenshot(page, 'approvals-queue-fgw');
  });
});
