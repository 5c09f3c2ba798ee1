import type { Kysely } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import type { CreateSigningInput, UpdateSigningInput } from '../../shared/events.js';
import { recordAudit } from '../audit/record.js';
import { nowIso } from '../clock.js';
import type { DB } from '../db/schema.js';
import { ConflictError, ValidationError } from '../errors.js';
import { copyProjectToRequests } from '../projects/departments.js';
import { assertEnterprise, eventForNumbering, eventForWrite } from './commands.js';
import { assertCanWriteEvents, notFoundSigning } from './policy.js';

type Base = { db: Kysely<DB>; user: CurrentUser; eventId: number };
type Db = Parameters<typeof eventForWrite>[0];

async function assertSigningRegion(trx: Db, code: string | undefined): Promise<void> {
  if (code === undefined) return;
  const region = await trx.selectFrom('regions').select('kind').where('code', '=', code).executeTakeFirst();
  if (!region || region.kind === 'prefecture') {
    throw new ValidationError('regionCode', { zh: '请选择一个县市或园区', en: 'Choose a county, city or park' }, 'invalid_region');
  }
}

/**
 * Adds a ledger project to the event's signing. What the form leaves out comes from the project
 * (region, investor, its chain leader as the chain_leader partner, its investment) and the event (date).
 */
export async function addSigning(options: Base & { input: CreateSigningInput }): Promise<number> {
  const { db, user, eventId, input } = options;
  assertCanWriteEvents(user);
  return db.transaction().execute(async (trx) => {
    const event = await eventForNumbering(trx, eventId);
    const project = await trx.selectFrom('projects').selectAll().where('id', '=', input.projectId).executeTakeFirst();
    if (!project) throw new ValidationError('projectId', { zh: '项目台账中没有这个项目', en: 'No such project in the ledger' });
    const existing = await trx
      .selectFrom('event_signings as s')
      .innerJoin('events as e', 'e.id', 's.event_id')
      .select(['e.id', 'e.name'])
      .where('s.project_id', '=', input.projectId)
      .executeTakeFirst();
    if (existing) {
      throw new ConflictError(
        existing.id === eventId
          ? { zh: '该项目已在本活动签约', en: 'This project is already signed at this event' }
          : { zh: `该项目已在“${existing.name}”签约,一个项目只能在一个活动签约`, en: `This project was already signed at “${existing.name}”; a project is signed at one event only` },
        'project_already_signed',
        'projectId',
      );
    }
    await assertSigningRegion(trx, input.regionCode);
    await assertEnterprise(trx, 'investorEnterpriseId', input.investorEnterpriseId);
    await assertEnterprise(trx, 'partnerEnterpriseId', input.partnerEnterpriseId);
    const partnerName = input.partnerName ?? project.chain_leader;
    let partnerEnterpriseId = input.partnerEnterpriseId;
    if (partnerEnterpriseId === undefined && partnerName) {
      const leader = await trx.selectFrom('enterprises').select('id').where('name', '=', partnerName).executeTakeFirst();
      partnerEnterpriseId = leader?.id ?? null;
    }
    const last = await trx.selectFrom('event_signings').select((eb) => eb.fn.max('seq').as('m')).where('event_id', '=', eventId).executeTakeFirst();
    const values = {
      project_id: project.id,
      region_code: input.regionCode ?? project.region_code,
      investor_name: input.investorName ?? project.investor_name,
      investor_enterprise_id: input.investorEnterpriseId !== undefined ? input.investorEnterpriseId : project.enterprise_id,
      partner_name: partnerName,
      partner_enterprise_id: partnerEnterpriseId ?? null,
      partner_role: input.partnerRole ?? 'chain_leader',
      amount_yuan: input.amountYuan ?? Number(project.investment_yuan),
      signed_on: input.signedOn ?? event.starts_on,
    };
    const row = await trx
      .insertInto('event_signings')
      .values({ ...values, event_id: eventId, seq: Number(last?.m ?? 0) + 1, created_at: nowIso() })
      .returning('id')
      .executeTakeFirstOrThrow();
    // The project's requests are grouped by the event it signed at (command view, 0033).
    await copyProjectToRequests(trx, project.id);
    await recordAudit(trx, { actor: user, action: 'event.signing.add', entity: 'event', entityId: eventId, after: { signing_id: row.id, ...values } });
    return row.id;
  });
}

const COLUMNS = {
  regionCode: 'region_code',
  investorName: 'investor_name',
  investorEnterpriseId: 'investor_enterprise_id',
  partnerName: 'partner_name',
  partnerEnterpriseId: 'partner_enterprise_id',
  partnerRole: 'partner_role',
  amountYuan: 'amount_yuan',
  signedOn: 'signed_on',
} as const;

async function signingForWrite(trx: Db, eventId: number, signingId: number) {
  await eventForWrite(trx, eventId);
  const row = await trx.selectFrom('event_signings').selectAll().where('id', '=', signingId).where('event_id', '=', eventId).executeTakeFirst();
  if (!row) throw notFoundSigning();
  return row;
}

export async function updateSigning(options: Base & { signingId: number; input: UpdateSigningInput }): Promise<void> {
  const { db, user, eventId, signingId, input } = options;
  assertCanWriteEvents(user);
  await db.transaction().execute(async (trx) => {
    const row = await signingForWrite(trx, eventId, signingId);
    await assertSigningRegion(trx, input.regionCode);
    await assertEnterprise(trx, 'investorEnterpriseId', input.investorEnterpriseId);
    await assertEnterprise(trx, 'partnerEnterpriseId', input.partnerEnterpriseId);
    const changes: Record<string, unknown> = {};
    for (const [field, column] of Object.entries(COLUMNS)) {
      const value = input[field as keyof typeof COLUMNS];
      const current = column === 'amount_yuan' ? Number(row.amount_yuan) : row[column];
      if (value !== undefined && value !== current) changes[column] = value;
    }
    if (Object.keys(changes).length === 0) return;
    await trx.updateTable('event_signings').set(changes).where('id', '=', signingId).execute();
    await recordAudit(trx, {
      actor: user,
      action: 'event.signing.update',
      entity: 'event',
      entityId: eventId,
      before: { signing_id: signingId, ...Object.fromEntries(Object.keys(changes).map((k) => [k, row[k as keyof typeof row]])) },
      after: { signing_id: signingId, ...changes },
    });
  });
}

export async function removeSigning(options: Base & { signingId: number }): Promise<void> {
  const { db, user, eventId, signingId } = options;
  assertCanWriteEvents(user);
  await db.transaction().execute(async (trx) => {
    const row = await signingForWrite(trx, eventId, signingId);
    await trx.deleteFrom('event_signings').where('id', '=', signingId).execute();
    await copyProjectToRequests(trx, row.project_id);
    await recordAudit(trx, { actor: user, action: 'event.signing.remove', entity: 'event', entityId: eventId, before: { signing_id: signingId, project_id: row.project_id, amount_yuan: row.amount_yuan } });
  });
}
