import type { Kysely } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import type { CreateChainInput, CreateNodeInput, CreateNodeLinkInput, UpdateChainInput, UpdateNodeInput } from '../../shared/chains.js';
import { recordAudit } from '../audit/record.js';
import { nowIso } from '../clock.js';
import type { DB } from '../db/schema.js';
import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import { assertCanEditChainMap, CHAIN_NOUN, NODE_NOUN } from './policy.js';

interface Options<T> {
  db: Kysely<DB>;
  user: CurrentUser;
  input: T;
}

export async function createChain({ db, user, input }: Options<CreateChainInput>): Promise<number> {
  assertCanEditChainMap(user);
  return db.transaction().execute(async (trx) => {
    const cluster = await trx.selectFrom('clusters').select('id').where('id', '=', input.clusterId).executeTakeFirst();
    if (!cluster) throw new ValidationError('clusterId', { zh: '产业集群不存在', en: 'No such cluster' });
    const now = nowIso();
    const row = await trx
      .insertInto('chains')
      .values({ cluster_id: input.clusterId, name: input.name, description: input.description ?? '', weak_threshold: input.weakThreshold ?? 2, created_at: now, updated_at: now })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actor: user, action: 'chain.create', entity: 'chain', entityId: row.id, after: row });
    return row.id;
  });
}

export async function updateChain({ db, user, input, id }: Options<UpdateChainInput> & { id: number }): Promise<void> {
  assertCanEditChainMap(user);
  await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('chains').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw new NotFoundError(CHAIN_NOUN);
    const changes = { name: input.name, description: input.description, weak_threshold: input.weakThreshold, updated_at: nowIso() };
    await trx.updateTable('chains').set(changes).where('id', '=', id).execute();
    await recordAudit(trx, { actor: user, action: 'chain.update', entity: 'chain', entityId: id, before, after: changes });
  });
}

export async function createNode({ db, user, input, chainId }: Options<CreateNodeInput> & { chainId: number }): Promise<number> {
  assertCanEditChainMap(user);
  return db.transaction().execute(async (trx) => {
    const chain = await trx.selectFrom('chains').select('id').where('id', '=', chainId).executeTakeFirst();
    if (!chain) throw new NotFoundError(CHAIN_NOUN);
    const row = await trx
      .insertInto('chain_nodes')
      .values({ chain_id: chainId, name: input.name, position: input.position, sort_order: input.sortOrder ?? 0 })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actor: user, action: 'chain_node.create', entity: 'chain_node', entityId: row.id, after: row });
    return row.id;
  });
}

export async function updateNode({ db, user, input, id }: Options<UpdateNodeInput> & { id: number }): Promise<void> {
  assertCanEditChainMap(user);
  await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('chain_nodes').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw new NotFoundError(NODE_NOUN);
    const changes = Object.fromEntries(
      Object.entries({ name: input.name, position: input.position, sort_order: input.sortOrder }).filter(([, v]) => v !== undefined),
    );
    if (Object.keys(changes).length === 0) return;
    await trx.updateTable('chain_nodes').set(changes).where('id', '=', id).execute();
    await recordAudit(trx, { actor: user, action: 'chain_node.update', entity: 'chain_node', entityId: id, before, after: changes });
  });
}

/** A node that projects or leads point to stays: deleting it would silently unhook them. */
export async function deleteNode({ db, user, id }: Omit<Options<null>, 'input'> & { id: number }): Promise<void> {
  assertCanEditChainMap(user);
  await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('chain_nodes').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw new NotFoundError(NODE_NOUN);
    const [project, lead] = await Promise.all([
      trx.selectFrom('projects').select('id').where('node_id', '=', id).limit(1).executeTakeFirst(),
      trx.selectFrom('leads').select('id').where('node_id', '=', id).limit(1).executeTakeFirst(),
    ]);
    if (project || lead) {
      throw new ConflictError({ zh: '该环节已关联项目或线索,不能删除', en: 'Projects or leads point to this node; it cannot be deleted' }, 'node_in_use');
    }
    await trx.deleteFrom('chain_nodes').where('id', '=', id).execute();
    await recordAudit(trx, { actor: user, action: 'chain_node.delete', entity: 'chain_node', entityId: id, before });
  });
}

export async function createNodeLink({ db, user, input, chainId }: Options<CreateNodeLinkInput> & { chainId: number }): Promise<number> {
  assertCanEditChainMap(user);
  if (input.fromNodeId === input.toNodeId) {
    throw new ValidationError('toNodeId', { zh: '环节不能连接到自身', en: 'A node cannot link to itself' });
  }
  return db.transaction().execute(async (trx) => {
    const nodes = await trx.selectFrom('chain_nodes').select('id').where('chain_id', '=', chainId).where('id', 'in', [input.fromNodeId, input.toNodeId]).execute();
    for (const field of ['fromNodeId', 'toNodeId'] as const) {
      if (!nodes.some((n) => n.id === input[field])) {
        throw new ValidationError(field, { zh: '该环节不属于此产业链', en: 'That node is not part of this chain' });
      }
    }
    const existing = await trx.selectFrom('chain_node_links').select('id').where('from_node_id', '=', input.fromNodeId).where('to_node_id', '=', input.toNodeId).executeTakeFirst();
    if (existing) throw new ConflictError({ zh: '这两个环节已经相连', en: 'These nodes are already linked' }, 'link_exists');
    const row = await trx
      .insertInto('chain_node_links')
      .values({ chain_id: chainId, from_node_id: input.fromNodeId, to_node_id: input.toNodeId })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actor: user, action: 'chain_link.create', entity: 'chain_link', entityId: row.id, after: row });
    return row.id;
  });
}

export async function deleteNodeLink({ db, user, id }: Omit<Options<null>, 'input'> & { id: number }): Promise<void> {
  assertCanEditChainMap(user);
  await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('chain_node_links').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw new NotFoundError({ zh: '环节连接', en: 'Node link' });
    await trx.deleteFrom('chain_node_links').where('id', '=', id).execute();
    await recordAudit(trx, { actor: user, action: 'chain_link.delete', entity: 'chain_link', entityId: id, before });
  });
}
