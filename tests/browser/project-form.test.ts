import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, signIn, useServerAndBrowser } from '../support/browser.js';
import { TEST_PASSWORD } from '../support/server.js';

const ctx = useServerAndBrowser({});

async function typeDate(page: Page, testId: string, value: string) {
  await page.getByTestId(testId).click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(value);
  // Enter would submit the form; leaving the field commits the date.
  await page.getByRole('heading', { level: 4 }).first().click();
}

describe('the project form in Chromium', () => {
  it('an officer registers a project: the server’s message lands on the field, then the project saves', async () => {
    const page = await ctx.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signIn(page, ctx.server.url, 'manas', TEST_PASSWORD);
    await page.goto(`${ctx.server.url}/projects`);
    await page.getByTestId('create-project').click();
    await page.getByTestId('field-name').fill('<b>再生铝</b> 深加工项目');
    await page.getByTestId('field-investor').fill('示例再生铝企业有限公司');
    await page.getByTestId('field-investment').fill('12000');
    // A region officer is offered only their own county, already chosen.
    await page.getByTestId('field-region').click();
    expect(await page.locator('.ant-select-item-option').allInnerTexts()).toEqual(['玛纳斯县']);
    await page.keyboard.press('Escape');
    await typeDate(page, 'field-planned-landed', '2030-06-30');
    await typeDate(page, 'field-planned-started', '2030-01-01');
    await page.getByTestId('project-save').click();
    await expect
      .poll(() => page.locator('.ant-form-item-explain-error').allInnerTexts())
      .toEqual(expect.arrayContaining([expect.stringContaining('不能早于')]));
    await screenshot(page, 'manas-form-error');

    await typeDate(page, 'field-planned-started', '2030-12-31');
    await page.getByTestId('project-save').click();
    await page.getByTestId('project-detail').waitFor();
    // Stored as given and shown as text, never as markup.
    expect(await page.getByTestId('project-name').innerText()).toContain('<b>再生铝</b> 深加工项目');
    const list = await (await ctx.server.as('admin')).get('/api/projects?q=%E5%86%8D%E7%94%9F%E9%93%9D');
    expect(list.body.items[0]).toMatchObject({ regionCode: '652324', investmentYuan: 120_000_000, plannedDates: { started: '2030-12-31' } });
    await page.close();
  });
});
