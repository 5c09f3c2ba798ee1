// The practical ceiling for the project list on SQLite: a bare Fastify handler on better-sqlite3
// running just the list's query (the same joins, filter, order and count as Lianzhu's, for an
// admin, without sessions, validation or presenters). Serves the same database file read-only.
import SQLite from 'better-sqlite3';
import Fastify from 'fastify';

const FROM = `from projects p
  join regions r on r.code = p.region_code
  left join enterprises e on e.id = p.enterprise_id
  left join chain_nodes cn on cn.id = p.node_id
  left join chains c on c.id = cn.chain_id
  where p.region_code = ? and p.stage = ?`;

export async function startBare(file: string): Promise<{ url: string; close(): Promise<void> }> {
  const sqlite = new SQLite(file, { readonly: true, fileMustExist: true });
  const page = sqlite.prepare(
    `select p.*, r.name as region_name, e.name as enterprise_name, cn.name as node_name, c.id as chain_id, c.name as chain_name
     ${FROM} order by p.investment_yuan desc nulls last, p.id desc limit ? offset ?`,
  );
  const count = sqlite.prepare(`select count(*) as n ${FROM}`);
  const app = Fastify({ logger: false });
  app.get('/projects', async (request) => {
    const q = request.query as { region: string; stage: string; pageSize?: string };
    const size = Math.min(100, Number(q.pageSize ?? 20));
    return { items: page.all(q.region, q.stage, size, 0), total: (count.get(q.region, q.stage) as { n: number }).n };
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url,
    async close() {
      await app.close();
      sqlite.close();
    },
  };
}
