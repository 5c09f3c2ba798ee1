import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, signIn, useServerAndBrowser } from '../support/browser.js';
import { TEST_PASSWORD } from '../support/server.js';

const ctx = useServerAndBrowser({ demoProjects: true, demoServiceRequests: true });
const TITLE = '浏览器测试:开工前施工许可办理咨询';
const figure = async (page: Page, id: string) => Number((await page.getByTestId(id).innerText()).trim());
const before = { open: NaN, confirmed: NaN };
let requestUrl = '';

async function newPage(username: string) {
  // Each user in their own context: their own session cookie.
  const context = await ctx.browser.newContext({ viewport: { width: 1440, height: 1000 } });
  const page = await context.newPage();
  await signIn(page, ctx.server.url, username, TEST_PASSWORD);
  return page;
}

describe('a service request in Chromium', () => {
  // The dashboard's service figures come from another part of issue 6; read first, asserted last.
  it('the admin’s dashboard shows the service figures before', async () => {
    const admin = await newPage('admin');
    await admin.getByTestId('dashboard-services-open').waitFor();
    before.open = await figure(admin, 'dashboard-services-open');
    before.confirmed = await figure(admin, 'dashboard-services-confirmed');
    await admin.context().close();
  });

  it('qiye raises an approval request (routed to fgw), fgw accepts and resolves it, qiye confirms it with 4 stars', async () => {
    const qiye = await newPage('qiye');
    await qiye.getByTestId('menu-services').click();
    await qiye.waitForURL('**/services');
    expect(await qiye.getByTestId('menu-services').innerText()).toBe('我的诉求');
    await qiye.getByTestId('service-row').first().waitFor();
    await screenshot(qiye, 'services-enterprise-list');
    await qiye.getByTestId('service-new').click();
    await qiye.waitForURL('**/services/new');
    await qiye.getByTestId('service-form-category').click();
    await qiye.locator('.ant-select-item-option').filter({ hasText: '审批' }).click();
    // The category's default department fills in: 发展改革委.
    await expect.poll(() => qiye.getByTestId('service-form-departments').innerText()).toContain('发展改革委');
    await qiye.getByTestId('service-form-project').click();
    await qiye.locator('.ant-select-item-option').filter({ hasText: '风电塔筒配套加工项目' }).click();
    await qiye.getByTestId('service-form-title').fill(TITLE);
    await qiye.getByTestId('service-form-description').fill('项目计划下月开工,请协助明确施工许可所需材料与办理时限。');
    await screenshot(qiye, 'services-new-form');
    await qiye.getByTestId('service-form-submit').click();
    await qiye.waitForURL(/\/services\/\d+$/);
    requestUrl = qiye.url();
    expect(await qiye.getByTestId('service-title').innerText()).toBe(TITLE);
    expect(await qiye.getByTestId('service-detail-status').innerText()).toBe('已提交');
    await qiye.getByTestId('assignment-card-fgw').waitFor();

    const fgw = await newPage('fgw');
    await fgw.getByTestId('menu-services').click();
    await fgw.waitForURL('**/services?departmentCode=fgw');
    expect(await fgw.getByTestId('services-heading').innerText()).toBe('本部门诉求');
    const row = fgw.getByTestId('service-row').filter({ hasText: TITLE });
    await row.waitFor();
    await screenshot(fgw, 'services-department-queue');
    await row.getByTestId('service-link').click();
    const card = fgw.getByTestId('assignment-card-fgw');
    await card.getByTestId('assignment-accept').click();
    await fgw.getByTestId('assignment-step-ok').click();
    await expect.poll(() => card.getByTestId('assignment-status').innerText()).toBe('已受理');
    await card.getByTestId('assignment-start').click();
    await fgw.getByTestId('assignment-step-ok').click();
    await expect.poll(() => card.getByTestId('assignment-status').innerText()).toBe('办理中');
    await card.getByTestId('assignment-resolve').click();
    await fgw.getByTestId('assignment-response-input').fill('已一次性告知施工许可所需材料,可在政务服务网在线申报,承诺 5 个工作日办结。');
    await fgw.getByTestId('assignment-resolve-submit').click();
    await expect.poll(() => fgw.getByTestId('service-detail-status').innerText()).toBe('已办结');
    await screenshot(fgw, 'services-department-resolved');
    await fgw.context().close();

    await qiye.goto(requestUrl);
    await qiye.getByTestId('service-confirm-card').waitFor();
    expect(await qiye.getByTestId('assignment-response').innerText()).toContain('已一次性告知施工许可所需材料');
    await qiye.getByTestId('service-rating').locator('.ant-rate-star').nth(3).click();
    await qiye.getByTestId('service-confirm-comment').fill('答复及时、清楚。');
    await screenshot(qiye, 'services-confirm');
    await qiye.getByTestId('service-confirm-submit').click();
    await expect.poll(() => qiye.getByTestId('service-detail-status').innerText()).toBe('已确认');
    expect(await qiye.getByTestId('service-timeline').innerText()).toContain('企业确认办结');
    expect(await qiye.getByTestId('service-rating-shown').locator('.ant-rate-star-full').count()).toBe(4);
    await screenshot(qiye, 'services-confirmed');
    await qiye.context().close();
  });

  it('the admin’s dashboard: open requests back where they were, confirmed one more', async () => {
    const admin = await newPage('admin');
    await admin.getByTestId('dashboard-services-open').waitFor();
    expect(await figure(admin, 'dashboard-services-open')).toBe(before.open);
    expect(await figure(admin, 'dashboard-services-confirmed')).toBe(before.confirmed + 1);
    await admin.context().close();
  });
});
