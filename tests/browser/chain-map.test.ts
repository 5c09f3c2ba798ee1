import { describe, expect, it } from 'vitest';
import { screenshot, signIn, useServerAndBrowser } from '../support/browser.js';
import { TEST_PASSWORD } from '../support/server.js';

const ctx = useServerAndBrowser({ demoProjects: true });

describe('the chain map in Chromium', () => {
  it('mulei opens the wind-power chain, clicks a gap node, sees ranked targets with paths and records one as a lead', async () => {
    const page = await ctx.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, ctx.server.url, 'mulei', TEST_PASSWORD);
    const chains = (await (await ctx.server.as('admin')).get('/api/clusters')).body.items.flatMap((c: { chains: { id: number; name: string }[] }) => c.chains);
    const wind = chains.find((c: { name: string }) => c.name === '风电装备');
    await page.goto(`${ctx.server.url}/chains`);
    await page.getByText('风电装备').first().click();
    await page.waitForURL(`**/chains/${wind.id}`);
    await page.getByTestId('chain-graph').waitFor();
    await page.waitForTimeout(800);
    await screenshot(page, 'mulei-wind-chain');

    const gap = page.locator('[data-testid="node-row"][data-status="missing"]', { hasText: '叶片制造' });
    await gap.click();
    await page.getByTestId('node-drawer').waitFor();
    await page.getByTestId('targets-tab').click();
    const rows = page.getByTestId('target-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(3);
    const texts = await rows.allInnerTexts();
    expect(texts[0]).toContain('示例盐城风电叶片有限公司');
    expect(texts[2]).toContain('示例保定叶片科技有限公司');
    const firstPath = await rows.first().getByTestId('target-path').first().innerText();
    expect(firstPath).toContain('新疆东方风电新能源有限公司');
    expect(firstPath).toContain('风电叶片');
    await screenshot(page, 'mulei-wind-targets');

    await rows.first().getByTestId('record-lead').click();
    await rows.first().getByTestId('lead-recorded').waitFor();
    const leads = (await (await ctx.server.as('mulei')).get('/api/leads')).body.items;
    expect(leads.map((l: { enterprise: { name: string } }) => l.enterprise.name)).toContain('示例盐城风电叶片有限公司');

    await page.goto(`${ctx.server.url}/leads`);
    await page.getByTestId('lead-row').first().waitFor();
    expect(await page.getByTestId('lead-row').first().innerText()).toContain('示例盐城风电叶片有限公司');
    await page.close();
  });
});
