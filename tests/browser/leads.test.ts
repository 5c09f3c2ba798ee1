import { describe, expect, it } from 'vitest';
import { screenshot, signIn, useServerAndBrowser } from '../support/browser.js';
import { TEST_PASSWORD } from '../support/server.js';

const ctx = useServerAndBrowser({ demoProjects: true, demoLeads: true });
const FIRM = '示例河北塔筒法兰有限公司';

describe('the lead pipeline in Chromium', () => {
  it('mulei drags a lead from 新线索 to 已联系, sees the step logged, signs it and finds the project in the ledger', async () => {
    const page = await ctx.browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await signIn(page, ctx.server.url, 'mulei', TEST_PASSWORD);
    await page.getByTestId('lead-reminders').getByTestId('lead-reminder').first().waitFor();
    expect(await page.getByTestId('lead-reminder').count()).toBeGreaterThanOrEqual(2);
    await screenshot(page, 'leads-dashboard-reminders');

    await page.getByTestId('menu-leads').click();
    await page.getByTestId('menu-leads-board').click();
    await page.waitForURL('**/leads/board');
    const column = (status: string) => page.getByTestId(`lead-column-${status}`);
    const card = column('new').getByTestId('lead-card').filter({ hasText: FIRM });
    await card.waitFor();

    // A drop the API would refuse is refused on the board first, in the API's words.
    const negotiating = column('negotiating').getByTestId('lead-card').first();
    await negotiating.dragTo(column('contacted'));
    await page.waitForTimeout(500);
    await screenshot(page, 'leads-board-refused');
    await page.getByText('线索不能从“洽谈中”退回“已联系”').waitFor();

    await card.dragTo(column('contacted'));
    const moved = column('contacted').getByTestId('lead-card').filter({ hasText: FIRM });
    await moved.waitFor();
    expect(await column('new').getByTestId('lead-card').filter({ hasText: FIRM }).count()).toBe(0);
    await screenshot(page, 'leads-board');

    await moved.getByTestId('lead-card-link').click();
    await page.getByTestId('lead-title').waitFor();
    expect(await page.getByTestId('lead-title').innerText()).toBe(FIRM);
    await page.getByTestId('lead-activity-status').filter({ hasText: '新线索 → 已联系' }).waitFor();
    expect(await page.getByTestId('lead-fields').innerText()).toContain('新疆东方风电新能源有限公司');

    await page.getByTestId('lead-sign').click();
    await page.getByTestId('sign-name').fill('示例塔筒法兰锻件项目');
    await page.getByTestId('sign-investment').fill('8000');
    await page.getByTestId('sign-submit').click();
    await page.getByTestId('signed-project-link').waitFor();
    await page.getByRole('button', { name: '取 消' }).or(page.getByRole('button', { name: '取消' })).first().click();
    await page.getByTestId('lead-project-link').waitFor();
    expect(await page.getByTestId('lead-status').first().innerText()).toBe('已签约');
    await screenshot(page, 'leads-detail-signed');

    await page.getByTestId('menu-projects').click();
    await page.waitForURL('**/projects');
    await page.getByTestId('filter-q').fill('塔筒法兰锻件');
    await page.getByTestId('filter-q').press('Enter');
    const row = page.getByTestId('project-row').filter({ hasText: '示例塔筒法兰锻件项目' });
    await row.waitFor();
    await row.getByTestId('project-link').click();
    await page.getByTestId('project-lead').waitFor();
    expect(await page.getByTestId('project-lead').innerText()).toContain('新疆东方风电新能源有限公司');
    await screenshot(page, 'leads-project-from-lead');
    await page.close();
  });
});

describe('recording a lead in Chromium', () => {
  it('mulei records a 以商招商 lead through the form, then finds it in the filtered list', async () => {
    const page = await ctx.browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await signIn(page, ctx.server.url, 'mulei', TEST_PASSWORD);
    await page.goto(`${ctx.server.url}/leads/new`);
    await page.getByTestId('lead-enterprise-name').fill('示例江苏风电变桨系统有限公司');
    await page.getByTestId('lead-contact').fill('钱经理');
    await page.getByTestId('lead-source').click();
    await page.getByTitle('以商招商(链主引荐)').click();
    await page.getByTestId('lead-save').click();
    // The referrer is required for a referral: the form says so on the field before anything is sent.
    await page.getByText('选择链主企业').first().waitFor();
    await page.getByTestId('lead-referrer').click();
    await page.getByTitle('新疆东方风电新能源有限公司').click();
    await page.getByTestId('lead-investment').fill('6000');
    await page.getByTestId('lead-next-step').fill('寄送木垒风电产业园介绍');
    await screenshot(page, 'leads-form');
    await page.getByTestId('lead-save').click();
    await page.getByTestId('lead-title').waitFor();
    expect(await page.getByTestId('lead-title').innerText()).toBe('示例江苏风电变桨系统有限公司');
    const fields = await page.getByTestId('lead-fields').innerText();
    expect(fields).toContain('新疆东方风电新能源有限公司');
    expect(fields).toContain('6,000万元');

    await page.goto(`${ctx.server.url}/leads?source=chain_leader_referral`);
    await page.getByTestId('lead-row').first().waitFor();
    const rows = await page.getByTestId('lead-row').allInnerTexts();
    expect(rows.some((r) => r.includes('示例江苏风电变桨系统有限公司'))).toBe(true);
    expect(rows.every((r) => r.includes('以商招商'))).toBe(true);
    await screenshot(page, 'leads-list');

    // English second: the board reads in English, statuses in the words the server uses.
    await page.getByTestId('lang-switch').click();
    await page.goto(`${ctx.server.url}/leads/board`);
    await page.getByTestId('lead-column-contacted').getByText('Contacted').waitFor();
    expect(await page.getByTestId('lead-column-new').getByTestId('lead-card').count()).toBeGreaterThanOrEqual(1);
    await screenshot(page, 'leads-board-en');
    await page.close();
  });
});
