import { describe, expect, it } from 'vitest';
import { screenshot, signIn, useServerAndBrowser } from '../support/browser.js';
import { TEST_PASSWORD } from '../support/server.js';
import { DEMO_JUDGE_UNIT } from '../../src/server/demo/skills.js';

const ctx = useServerAndBrowser({ demoSkills: true });

describe('the skills competition in Chromium', () => {
  it('a judge lands on the marking page on a phone, never sees their own unit, and marks by tapping', async () => {
    const { db } = ctx.server;
    const page = await ctx.browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await signIn(page, ctx.server.url, 'caipan', TEST_PASSWORD);
    await page.waitForURL('**/skills/mark');
    await page.getByTestId('queue-contestant').first().waitFor();
    const event = await db.selectFrom('skills_events').select('id').where('code', '=', 'GYHLW').executeTakeFirstOrThrow();
    const contestants = await db
      .selectFrom('skills_contestants as c')
      .innerJoin('skills_units as u', 'u.id', 'c.unit_id')
      .select(['c.id', 'c.blind_code', 'u.name as unit'])
      .where('c.event_id', '=', event.id)
      .execute();
    const listed = await page.getByTestId('queue-contestant').allInnerTexts();
    const own = contestants.filter((c) => c.unit === DEMO_JUDGE_UNIT);
    expect(own).toHaveLength(2);
    expect(listed).toHaveLength(contestants.length - own.length);
    for (const c of own) expect(listed.join(' ')).not.toContain(c.blind_code);
    expect(await page.getByTestId('mark-page').innerText()).not.toContain('示例选手');
    // Nothing overflows the phone's width.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'skills-mark-queue-phone');

    const first = listed[0].split('\n')[0].trim();
    const target = contestants.find((c) => c.blind_code === first)!;
    await page.getByTestId('queue-contestant').first().click();
    await expect.poll(() => page.getByTestId('sheet-blind-code').innerText()).toBe(first);
    await page.getByTestId('score-A2').getByText('2', { exact: true }).click();
    await page.getByTestId('measure-A1').fill('8.5');
    await page.getByTestId('save-A1').click();
    await expect.poll(() => page.getByTestId('aspect-done').count()).toBe(2);
    await screenshot(page, 'skills-mark-sheet-phone');

    const judge = await db.selectFrom('skills_judges as j').innerJoin('users as u', 'u.id', 'j.user_id').select('j.id').where('u.username', '=', 'caipan').executeTakeFirstOrThrow();
    const marks = await db
      .selectFrom('skills_marks as m')
      .innerJoin('skills_aspects as a', 'a.id', 'm.aspect_id')
      .select(['a.code', 'm.value'])
      .where('m.judge_id', '=', judge.id)
      .where('m.contestant_id', '=', target.id)
      .orderBy('a.code')
      .execute();
    expect(marks).toEqual([
      { code: 'A1', value: 850 },
      { code: 'A2', value: 2 },
    ]);
    await page.close();
  });

  it('a contestant finds their certificate and the public page confirms its code; a wrong code is refused', async () => {
    const page = await ctx.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signIn(page, ctx.server.url, 'xuanshou', TEST_PASSWORD);
    await page.waitForURL('**/skills/me');
    await page.getByTestId('menu-skills-me').waitFor();
    const code = (await page.getByTestId('my-certificate-code').innerText()).trim();
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(await page.getByTestId('my-result').innerText()).toContain('名次');
    await screenshot(page, 'skills-my-entry');

    const visitor = await ctx.browser.newPage({ viewport: { width: 390, height: 844 } });
    await visitor.goto(`${ctx.server.url}/verify`);
    await visitor.getByTestId('verify-input').fill(code.toLowerCase());
    await visitor.getByTestId('verify-submit').click();
    await visitor.getByTestId('verify-valid').waitFor();
    const text = await visitor.getByTestId('verify-valid').innerText();
    expect(text).toContain('示例选手·技能大赛');
    expect(text).toContain('机器人焊接技术');
    expect(text).toContain(code);
    await screenshot(visitor, 'skills-verify-valid');

    await visitor.getByTestId('verify-input').fill('ABCD-EFGH-JKLM');
    await visitor.getByTestId('verify-submit').click();
    await visitor.getByTestId('verify-invalid').waitFor();
    expect(await visitor.getByTestId('verify-valid').count()).toBe(0);
    await page.close();
    await visitor.close();
  });

  it('the organiser opens the finished event’s results with its qualification places', async () => {
    const page = await ctx.browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(page, ctx.server.url, 'saishi', TEST_PASSWORD);
    await page.waitForURL('**/skills');
    await page.getByTestId('skills-admin').waitFor();
    await screenshot(page, 'skills-admin-contestants');
    await page.getByTestId('event-select').click();
    await page.getByTitle('JQRHJ 机器人焊接技术').click();
    await page.getByTestId('tab-results').click();
    await expect.poll(() => page.locator('.ant-table-row').count()).toBeGreaterThan(5);
    expect(await page.getByText('晋级').count()).toBeGreaterThan(1);
    await screenshot(page, 'skills-admin-results');
    await page.close();
  });
});
