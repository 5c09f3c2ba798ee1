import type { Kysely } from 'kysely';
import { REGIONS } from '../../regions/data.js';

// Regions are reference data every install needs, so a migration carries them, not the demo.
export async function up(db: Kysely<any>): Promise<void> {
  await db
    .insertInto('regions')
    .values(
      REGIONS.map((r, i) => ({
        code: r.code,
        name: r.name,
        name_en: r.nameEn,
        kind: r.kind,
        parent_code: r.parentCode,
        sort_order: i,
      })),
    )
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('regions').execute();
}
