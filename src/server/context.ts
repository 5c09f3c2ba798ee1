import type { Kysely } from 'kysely';
import type { Config } from './config.js';
import type { Engine } from './db/database.js';
import type { DB } from './db/schema.js';

/** What every route module needs, passed in explicitly rather than through a container. */
export interface AppContext {
  db: Kysely<DB>;
  engine: Engine;
  config: Config;
}
