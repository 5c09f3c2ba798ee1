import type { Kysely } from 'kysely';
import { projectSearchText } from '../../projects/search.js';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('projects').addColumn('search_text', 'text', (c) => c.notNull().defaultTo('')).execute();
  const rows = await db.selectFrom('projects').select(['id', 'name', 'investor_name']).execute();
  for (const row of rows) {
    await db.updateTable('projects').set({ search_text: projectSearchText(row.name, row.investor_name) }).where('id', '=', row.id).execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('projects').dropColumn('search_text').execute();
}
