import { beforeAll, describe, expect, it } from 'vitest';
import { createDemoPolicies } from '../../src/server/demo/policies.js';
import { screenshot, signIn, useServerAndBrowser } from '../support/browser.js';
import { TEST_PASSWORD } from '../support/server.js';

const ctx = useServerAndBrowser({ demoProjects: true });
const FIRM = '新疆东方风电新能源有限公司';
const MULEI_POLICY = '木垒县风电装备产业链招商引资优惠政策（示例）';

beforeAll(async () => {
  await createDemoPolicies(ctx.server.db, ctx.server.users.get('admin')!);
});

describe('policies and the visit kit in Chromium', () => {
  it('admin opens a demo enterprise’s visit kit, sees the matched sample policy, prints it without the menu and logs a problem as a request', async () => {
    const page = await ctx.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await signIn(page, ctx.server.url, 'admin', TEST_PASSWORD);

    await page.getByTestId('menu-policies').click();
    await page.waitForURL('**/policies');
    await page.getByTestId('policy-link').filter({ hasText: MULEI_POLICY }).waitFor();
    expect(await page.getByTestId('policy-link').count()).toBe(5);
    await screenshot(page, 'policies-list');

    const id = (await ctx.server.db.selectFrom('enterprises').select('id').where('name', '=', FIRM).executeTakeFirstOrThrow()).id;
    await page.goto(`${ctx.server.url}/enterprises/${id}`);
    await page.getByTestId('eligible-policies').getByText(MULEI_POLICY).waitFor();
    await page.getByTestId('open-visit-kit').click();
    await page.waitForURL(`**/enterprises/${id}/visit-kit`);
    const policies = page.getByTestId('kit-policies');
    await policies.getByText(MULEI_POLICY).waitFor();
    expect(await policies.innerText()).toContain('地区:木垒哈萨克自治县 ✓');
    expect(await policies.innerText()).not.toContain('2022年招商引资项目落地奖励办法');
    for (const heading of ['企业概况', '在建项目与节点', '未办结诉求', '待办审批', '要素缺口', '可享受政策']) {
      await page.getByRole('heading', { name: heading }).waitFor();
    }
    await screenshot(page, 'visit-kit');

    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.ant-layout-sider').isVisible()).toBe(false);
    expect(await page.getByTestId('visit-kit-print').isVisible()).toBe(false);
    expect(await page.getByTestId('visit-problems').isVisible()).toBe(false);
    expect(await policies.isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    await screenshot(page, 'visit-kit-print');
    await page.emulateMedia({ media: 'screen' });

    // The problem becomes a real service request, routed by its category (其他 → 州招商发展局).
    await page.getByTestId('problem-title').fill('园区道路未通');
    await page.getByTestId('problem-description').fill('厂区门口道路尚未硬化,大件运输困难');
    await page.getByTestId('problem-submit').click();
    await expect
      .poll(() => ctx.server.db.selectFrom('service_requests').select(['id', 'enterprise_id', 'from_visit', 'category']).where('title', '=', '园区道路未通').executeTakeFirst())
      .toMatchObject({ enterprise_id: id, from_visit: 1, category: 'other' });
    const request = await ctx.server.db.selectFrom('service_requests').select('id').where('title', '=', '园区道路未通').executeTakeFirstOrThrow();
    await page.getByTestId('problem-result').filter({ hasText: `已提交(诉求编号 ${request.id})` }).waitFor();
    const routed = await ctx.server.db.selectFrom('service_request_assignments').select('department_code').where('request_id', '=', request.id).execute();
    expect(routed).toEqual([{ department_code: 'zsj' }]);
    await screenshot(page, 'visit-kit-problem-logged');
  });

  it('admin adds a policy with the rule editor (万元 shown, yuan sent), reads its qualifying projects, then deletes it after confirming', async () => {
    const page = await ctx.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await signIn(page, ctx.server.url, 'admin', TEST_PASSWORD);
    await page.goto(`${ctx.server.url}/policies/new`);
    await page.getByTestId('policy-title-input').fill('浏览器测试政策');
    await page.getByTestId('rule-clusters').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '新能源新材料' }).click();
    await page.keyboard.press('Escape');
    await page.getByTestId('rule-min').fill('40000');
    await screenshot(page, 'policy-form');
    await page.getByTestId('save-policy').click();
    await page.getByTestId('policy-title').filter({ hasText: '浏览器测试政策' }).waitFor();
    expect(await page.getByTestId('policy-rules').innerText()).toContain('投资额:不低于4.00亿元');
    const stored = await ctx.server.db.selectFrom('policies').select('rules_json').where('title', '=', '浏览器测试政策').executeTakeFirstOrThrow();
    expect(JSON.parse(stored.rules_json)).toEqual({ clusters: ['新能源新材料'], minInvestmentYuan: 400_000_000 });
    const matches = page.getByTestId('policy-matches-projects');
    await matches.getByText('年产20万吨铝棒、铝型材、10万吨再生铝产业园基地项目').waitFor();
    expect(await matches.innerText()).toContain('示例项目11');
    expect(await matches.innerText()).not.toContain('示例项目10');
    await screenshot(page, 'policy-detail');

    await page.getByTestId('delete-policy').click();
    await page.getByRole('button', { name: '确 定' }).or(page.getByRole('button', { name: '确定' })).click();
    await page.waitForURL('**/policies');
    expect(await ctx.server.db.selectFrom('policies').select('id').where('title', '=', '浏览器测试政策').executeTakeFirst()).toBeUndefined();
  });
});
