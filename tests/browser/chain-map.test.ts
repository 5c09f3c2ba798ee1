import { describe, expect, it } from 'vitest';
import { addEnterprise } from '../support/chain-fixture.js';
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
    // Every candidate fits on the first page, so there is nothing more to load.
    expect(await page.getByTestId('targets-shown').innerText()).toBe('共 3 家候选企业,已显示 3 家');
    expect(await page.getByTestId('targets-more').count()).toBe(0);
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

  it('a node with more candidates than a page shows the first 20, and 「显示更多」 appends the rest', async () => {
    const admin = await ctx.server.as('admin');
    const chains = (await admin.get('/api/clusters')).body.items.flatMap((c: { chains: { id: number; name: string }[] }) => c.chains);
    const wind = chains.find((c: { name: string }) => c.name === '风电装备');
    const node = (await admin.get(`/api/chains/${wind.id}`)).body.nodes.find((n: { name: string }) => n.name === '叶片制造');
    const before = (await admin.get(`/api/chain-nodes/${node.id}/targets`)).body.total;
    for (let i = 0; i < 20; i++) await addEnterprise(admin, { name: `示例候选${String(i).padStart(2, '0')}叶片有限公司`, nodeIds: [node.id] }, true);
    const total = before + 20;

    const page = await ctx.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, ctx.server.url, 'mulei', TEST_PASSWORD);
    await page.goto(`${ctx.server.url}/chains/${wind.id}`);
    await page.locator('[data-testid="node-row"]', { hasText: '叶片制造' }).click();
    await page.getByTestId('targets-tab').click();
    const rows = page.getByTestId('target-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(20);
    expect(await page.getByTestId('targets-shown').innerText()).toBe(`共 ${total} 家候选企业,已显示 20 家`);
    const firstPage = await rows.allInnerTexts();

    await page.getByTestId('targets-more').click();
    await page.getByTestId('targets-shown').getByText(`已显示 ${total} 家`).waitFor();
    expect(await rows.count()).toBe(total);
    expect((await rows.allInnerTexts()).slice(0, 20)).toEqual(firstPage);
    expect(await page.getByTestId('targets-more').count()).toBe(0);
    await page.close();
  });
});
