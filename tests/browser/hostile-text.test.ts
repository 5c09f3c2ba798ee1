import { describe, expect, it } from 'vitest';
import { screenshot, signIn, useServerAndBrowser } from '../support/browser.js';
import { buildProject } from '../support/factories.js';
import { TEST_PASSWORD } from '../support/server.js';

const ctx = useServerAndBrowser();
const SCRIPT = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">';
const FORMULA = '=HYPERLINK("http://evil.example","点击")';

describe('hostile text in Chromium', () => {
  it('a project named with markup and a formula shows the text literally in the ledger and its page, and runs nothing', async () => {
    const admin = await ctx.server.as('admin');
    const created = await admin.post('/api/projects', buildProject({ name: `示例${SCRIPT}`, investorName: FORMULA, description: SCRIPT }));
    expect(created.status).toBe(201);
    const context = await ctx.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await signIn(page, ctx.server.url, 'admin', TEST_PASSWORD);
    await page.goto(`${ctx.server.url}/projects/${created.body.id}`);
    await page.getByText(SCRIPT, { exact: false }).first().waitFor();
    await page.getByText(FORMULA).first().waitFor();
    await page.goto(`${ctx.server.url}/projects`);
    await page.getByText(`示例${SCRIPT}`).first().waitFor();
    await screenshot(page, 'hostile-text-ledger');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    await context.close();
  });
});
