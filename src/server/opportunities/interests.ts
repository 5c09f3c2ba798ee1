import { sql, type Kysely, type Transaction } from 'kysely';
import { INTEREST_RATE } from '../../shared/interest-rules.js';
import type { PublicInterestInput } from '../../shared/opportunities.js';
import { recordAudit } from '../audit/record.js';
import { todayInShanghai } from '../clock.js';
import { isPostgres } from '../db/migrations/helpers.js';
import type { DB } from '../db/schema.js';
import { RateLimitedError, ValidationError } from '../errors.js';
import { leadSearchText } from '../leads/search.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** What the schema cannot say alone: the honeypot, one target, and a way to answer. Nothing is written yet. */
export function checkInterest(input: PublicInterestInput): void {
  // People never see `website` (the page hides it); only a form-filling bot puts text in it.
  if (input.website && input.website.trim() !== '') {
    throw new ValidationError('website', { zh: '提交未通过校验,请刷新页面后重试', en: 'The submission did not pass the checks; reload the page and try again' }, 'honeypot_filled');
  }
  if ((input.opportunityId === undefined) === (input.nodeId === undefined)) {
    throw new ValidationError('opportunityId', { zh: '请选择一个投资项目或产业链环节', en: 'Choose one opportunity or one chain node' }, 'target_required');
  }
  if (!input.phone && !input.email) {
    throw new ValidationError('phone', { zh: '请至少填写联系电话或电子邮箱之一', en: 'Give a phone number or an email address' }, 'contact_required');
  }
}

function waitMessage(seconds: number) {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  if (minutes <= 90) return { zh: `提交过于频繁,请 ${minutes} 分钟后再试`, en: `Too many submissions from your network; try again in ${minutes} minutes` };
  const hours = Math.ceil(minutes / 60);
  return { zh: `今日提交已达上限,请 ${hours} 小时后再试`, en: `Today's limit of submissions is reached; try again in ${hours} hours` };
}

/**
 * Refuses (429) an address that already has its hour's or day's accepted submissions, counted from
 * public_interests so every instance sees the same count; Retry-After is when the oldest counted one
 * ages out of its window.
 */
async function assertUnderRateLimit(trx: Transaction<DB>, address: string, now: number): Promise<void> {
  const since = new Date(now - DAY).toISOString();
  const recent = await trx
    .selectFrom('public_interests')
    .select('created_at')
    .where('address', '=', address)
    .where('created_at', '>', since)
    .orderBy('created_at', 'desc')
    .limit(INTEREST_RATE.perDay)
    .execute();
  const times = recent.map((r) => Date.parse(r.created_at));
  const lastHour = times.filter((t) => t > now - HOUR);
  let retryAt = 0;
  if (lastHour.length >= INTEREST_RATE.perHour) retryAt = lastHour[INTEREST_RATE.perHour - 1] + HOUR;
  if (times.length >= INTEREST_RATE.perDay) retryAt = Math.max(retryAt, times[INTEREST_RATE.perDay - 1] + DAY);
  if (retryAt > 0) {
    const seconds = Math.max(1, Math.ceil((retryAt - now) / 1000));
    throw new RateLimitedError(seconds, waitMessage(seconds));
  }
}

/** The chain, node and region the lead inherits, from a published offer or from a chain node. */
async function resolveTarget(trx: Transaction<DB>, input: PublicInterestInput) {
  if (input.opportunityId !== undefined) {
    const offer = await trx
      .selectFrom('opportunities')
      .select(['id', 'title', 'chain_id', 'node_id', 'region_code'])
      .where('id', '=', input.opportunityId)
      .where('published', '=', 1)
      .executeTakeFirst();
    if (!offer) throw new ValidationError('opportunityId', { zh: '该投资项目不存在或已下架', en: 'This opportunity does not exist or is no longer open' }, 'opportunity_not_open');
    return { chainId: offer.chain_id, nodeId: offer.node_id, regionCode: offer.region_code, what: `投资项目「${offer.title}」` };
  }
  const node = await trx
    .selectFrom('chain_nodes')
    .innerJoin('chains', 'chains.id', 'chain_nodes.chain_id')
    .select(['chain_nodes.chain_id', 'chain_nodes.name', 'chains.name as chain_name'])
    .where('chain_nodes.id', '=', input.nodeId!)
    .executeTakeFirst();
  if (!node) throw new ValidationError('nodeId', { zh: '产业链环节不存在', en: 'No such chain node' });
  return { chainId: node.chain_id, nodeId: input.nodeId!, regionCode: null, what: `产业链环节「${node.chain_name} · ${node.name}」` };
}

/**
 * An outside investor's expression of interest, in one transaction: the lead (source public_page),
 * its first activity, the public_interests row the rate limit counts, and the audit entry.
 * Text is stored as given (trimmed by the schema); every page that shows it escapes it.
 */
export async function submitPublicInterest(options: { db: Kysely<DB>; input: PublicInterestInput; address: string; userAgent: string }): Promise<number> {
  const { db, input } = options;
  checkInterest(input);
  const address = options.address.slice(0, 64);
  return db.transaction().execute(async (trx) => {
    // Two submissions from one address at once would both pass the count on PostgreSQL's read
    // committed; this lock makes them take turns (SQLite runs one write transaction at a time anyway).
    if (isPostgres(db)) await sql`select pg_advisory_xact_lock(hashtext(${`public_interest:${address}`}))`.execute(trx);
    const nowMs = Date.now();
    await assertUnderRateLimit(trx, address, nowMs);
    const target = await resolveTarget(trx, input);
    const now = new Date(nowMs).toISOString();
    const lead = await trx
      .insertInto('leads')
      .values({
        enterprise_id: null,
        enterprise_name: input.companyName,
        contact_name: input.contactName,
        contact_phone: input.phone ?? '',
        contact_email: input.email ?? '',
        chain_id: target.chainId,
        node_id: target.nodeId,
        region_code: target.regionCode,
        source: 'public_page',
        referrer_enterprise_id: null,
        event_id: null,
        owner_id: null,
        estimated_investment_yuan: input.estimatedInvestmentWan ? input.estimatedInvestmentWan * 10_000 : null,
        status: 'new',
        lost_reason: null,
        lost_from: null,
        next_step_on: null,
        note: input.message ?? '',
        score: null,
        project_id: null,
        signed_on: null,
        search_text: leadSearchText(input.companyName, input.contactName),
        created_by: null,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('lead_activities')
      .values({
        lead_id: lead.id,
        kind: 'note',
        occurred_on: todayInShanghai(),
        people: input.contactName,
        summary: `来自公开页面(投资项目清单)的投资意向:${target.what}`,
        from_status: null,
        to_status: 'new',
        user_id: null,
        created_at: now,
      })
      .execute();
    const interest = await trx
      .insertInto('public_interests')
      .values({
        lead_id: lead.id,
        opportunity_id: input.opportunityId ?? null,
        node_id: input.opportunityId === undefined ? target.nodeId : null,
        address,
        user_agent: options.userAgent.slice(0, 300),
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actor: { id: null, username: `anonymous ${address}` },
      action: 'public_interest.create',
      entity: 'lead',
      entityId: lead.id,
      after: { ...lead, publicInterestId: interest.id, address },
    });
    return lead.id;
  });
}
