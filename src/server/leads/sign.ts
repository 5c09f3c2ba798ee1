import type { Kysely } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import type { SignLeadInput } from '../../shared/leads.js';
import { refuseLeadSign, type LeadStatus } from '../../shared/lead-status.js';
import { recordAudit } from '../audit/record.js';
import { nowIso, todayInShanghai } from '../clock.js';
import type { DB } from '../db/schema.js';
import { ConflictError, ValidationError } from '../errors.js';
import { insertProject } from '../projects/commands.js';
import { findVisibleProject } from '../projects/queries.js';
import { assertCanWriteProjects } from '../projects/policy.js';
import { leadVersionConflict, lockVisibleLead } from './commands.js';
import { assertCanWriteLeads } from './policy.js';

function alreadySigned(projectId: number | null): ConflictError {
  return new ConflictError(
    { zh: `该线索已签约,项目编号 ${projectId ?? ''}`, en: `This lead is already signed; its project is ID ${projectId ?? ''}` },
    'lead_already_signed',
  );
}

/**
 * Signs a lead: claims it, creates its project at stage `signed` (or links one already in the ledger)
 * and ties the two both ways, all in one transaction. The claim is a conditional UPDATE, so of two
 * requests racing for one lead exactly one gets past it; the other is told which project won.
 */
export async function signLead(options: { db: Kysely<DB>; user: CurrentUser; id: number; input: SignLeadInput }): Promise<number> {
  const { db, user, id, input } = options;
  assertCanWriteLeads(user);
  assertCanWriteProjects(user);
  const today = todayInShanghai();
  if (input.signedOn > today) {
    throw new ValidationError('signedOn', { zh: `签约日期不能晚于今天(${today})`, en: `The signing date cannot be after today (${today})` }, 'date_in_future');
  }
  if (!input.projectId === !input.project) {
    throw new ValidationError('project', { zh: '请新建项目或关联台账中已有的项目(二选一)', en: 'Either create a project or link an existing one' }, 'sign_project_required');
  }
  return db.transaction().execute(async (trx) => {
    const lead = await lockVisibleLead(trx, user, id);
    const from = lead.status as LeadStatus;
    if (from === 'signed') throw alreadySigned(lead.project_id);
    const refusal = refuseLeadSign(from);
    if (refusal) throw new ValidationError(refusal.field, refusal.message, refusal.code);
    if (lead.version !== input.version) throw leadVersionConflict();
    const claimed = await trx
      .updateTable('leads')
      .set({ status: 'signed', signed_on: input.signedOn, lost_from: null, lost_reason: null, version: lead.version + 1, updated_at: nowIso() })
      .where('id', '=', id)
      .where('status', '<>', 'signed')
      .where('version', '=', lead.version)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) {
      const now = await trx.selectFrom('leads').select(['status', 'project_id']).where('id', '=', id).executeTakeFirstOrThrow();
      throw now.status === 'signed' ? alreadySigned(now.project_id) : leadVersionConflict();
    }

    let projectId: number;
    if (input.projectId) {
      const project = await findVisibleProject(trx, user, input.projectId);
      if (!project) throw new ValidationError('projectId', { zh: '台账中没有该项目', en: 'No such project in the ledger' });
      const taken = await trx.selectFrom('leads').select('id').where('project_id', '=', project.id).executeTakeFirst();
      if (project.lead_id !== null || taken) {
        throw new ConflictError({ zh: `该项目已关联线索(编号 ${project.lead_id ?? taken?.id})`, en: `That project is already linked to lead ${project.lead_id ?? taken?.id}` }, 'project_already_linked', 'projectId');
      }
      await trx.updateTable('projects').set({ lead_id: id, version: project.version + 1, updated_at: nowIso() }).where('id', '=', project.id).execute();
      projectId = project.id;
    } else {
      const p = input.project!;
      const [chain, referrer] = await Promise.all([
        lead.chain_id
          ? trx.selectFrom('chains').innerJoin('clusters', 'clusters.id', 'chains.cluster_id').select(['chains.name', 'clusters.name as cluster']).where('chains.id', '=', lead.chain_id).executeTakeFirst()
          : undefined,
        lead.referrer_enterprise_id ? trx.selectFrom('enterprises').select('name').where('id', '=', lead.referrer_enterprise_id).executeTakeFirst() : undefined,
      ]);
      const regionCode = p.regionCode ?? lead.region_code;
      if (!regionCode) throw new ValidationError('project.regionCode', { zh: '请选择项目所属县市(园区)', en: 'Choose the project’s region' });
      projectId = await insertProject(trx, {
        user,
        leadId: id,
        input: {
          name: p.name,
          investorName: p.investorName ?? lead.enterprise_name,
          regionCode,
          cluster: p.cluster ?? chain?.cluster ?? '',
          chain: p.chain ?? chain?.name ?? '',
          investmentYuan: p.investmentYuan,
          chainLeader: p.chainLeader ?? referrer?.name ?? '',
          officer: p.officer ?? '',
          description: p.description ?? '',
          enterpriseId: lead.enterprise_id,
          nodeId: lead.node_id,
          stage: 'signed',
          stageDate: input.signedOn,
        },
      });
    }
    await trx.updateTable('leads').set({ project_id: projectId }).where('id', '=', id).execute();
    await trx
      .insertInto('lead_activities')
      .values({ lead_id: id, kind: 'status', occurred_on: input.signedOn, summary: `项目编号 ${projectId}`, from_status: from, to_status: 'signed', user_id: user.id, created_at: nowIso() })
      .execute();
    await recordAudit(trx, { actor: user, action: 'lead.sign', entity: 'lead', entityId: id, before: { status: from }, after: { status: 'signed', signed_on: input.signedOn, project_id: projectId, linked: Boolean(input.projectId) } });
    return projectId;
  });
}
