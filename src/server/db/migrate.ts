import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as m0001 from './migrations/0001_initial.js';
import * as m0002 from './migrations/0002_regions.js';
import * as m0003 from './migrations/0003_project_search.js';
import * as m0004 from './migrations/0004_chain_map.js';
import * as m0005 from './migrations/0005_enterprise_search.js';
import * as m0006 from './migrations/0006_supply_walk.js';
import * as m0007 from './migrations/0007_dashboard_summary.js';
import * as m0008 from './migrations/0008_search_pairs_column.js';
import * as m0009 from './migrations/0009_pipeline_events.js';
import * as m0013 from './migrations/0013_lead_indexes.js';
import * as m0014 from './migrations/0014_lead_scope_indexes.js';
import * as m0015 from './migrations/0015_enterprise_services.js';
import * as m0016 from './migrations/0016_holiday_calendar.js';
import * as m0017 from './migrations/0017_project_blocks.js';
import * as m0018 from './migrations/0018_department_scope_indexes.js';
import * as m0019 from './migrations/0019_approval_queue_order_indexes.js';
import * as m0020 from './migrations/0020_service_request_order_index.js';
import * as m0021 from './migrations/0021_project_departments.js';
import * as m0022 from './migrations/0022_indicator_targets.js';
import * as m0023 from './migrations/0023_request_lead_search.js';
import * as m0024 from './migrations/0024_policy_enterprise_matches.js';
import * as m0029 from './migrations/0029_project_region_cluster.js';
import * as m0030 from './migrations/0030_livestream.js';
import * as m0031 from './migrations/0031_skills.js';
import * as m0032 from './migrations/0032_chain_node_counts.js';
import * as m0033 from './migrations/0033_command_view_copies.js';
import * as m0034 from './migrations/0034_region_figure_indexes.js';
import * as m0036 from './migrations/0036_password_history.js';
import * as m0037 from './migrations/0037_session_idle.js';
import * as m0038 from './migrations/0038_totp.js';
import * as m0039 from './migrations/0039_login_backoff.js';
import * as m0040 from './migrations/0040_project_cluster_enterprise.js';

// Migrations are imported, not read from disk, so they run the same from source and from a bundle.
const migrations: Record<string, Migration> = {
  '0001_initial': m0001,
  '0002_regions': m0002,
  '0003_project_search': m0003,
  '0004_chain_map': m0004,
  '0005_enterprise_search': m0005,
  '0006_supply_walk': m0006,
  '0007_dashboard_summary': m0007,
  '0008_search_pairs_column': m0008,
  '0009_pipeline_events': m0009,
  '0013_lead_indexes': m0013,
  '0014_lead_scope_indexes': m0014,
  '0015_enterprise_services': m0015,
  '0016_holiday_calendar': m0016,
  '0017_project_blocks': m0017,
  '0018_department_scope_indexes': m0018,
  '0019_approval_queue_order_indexes': m0019,
  '0020_service_request_order_index': m0020,
  '0021_project_departments': m0021,
  '0022_indicator_targets': m0022,
  '0023_request_lead_search': m0023,
  '0024_policy_enterprise_matches': m0024,
  '0029_project_region_cluster': m0029,
  '0030_livestream': m0030,
  '0031_skills': m0031,
  '0032_chain_node_counts': m0032,
  '0033_command_view_copies': m0033,
  '0034_region_figure_indexes': m0034,
  '0036_password_history': m0036,
  '0037_session_idle': m0037,
  '0038_totp': m0038,
  '0039_login_backoff': m0039,
  '0040_project_cluster_enterprise': m0040,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrateToLatest(db: Kysely<any>): Promise<void> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
}

/** Runs migrations up to and including `name`; tests use it to check an upgrade from an older schema. */
export async function migrateTo(db: Kysely<any>, name: keyof typeof migrations & string): Promise<void> {
  const { error, results } = await new Migrator({ db, provider }).migrateTo(name);
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
}
