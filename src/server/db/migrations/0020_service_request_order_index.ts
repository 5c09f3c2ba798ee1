import type { Kysely } from 'kysely';

// The request list's default order (newest first): the prefecture's first page is read along this
// index and stops after twenty, instead of sorting every request (100,000 at the province bench scale).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('service_requests_created_idx').on('service_requests').columns(['created_at', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('service_requests_created_idx').execute();
}
