// Issue 8 (a): livestream sales contests at scale. Contests of 100 contestants with a hundred order
// lines each over five days, and one large contest (the province-wide festival) that the benchmark
// reads: its boards, its order list and its flags. Lines carry what the importer would have derived
// (contestant, reason, Shanghai day); the boards' hourly sums and flags are then derived by the server's
// own refreshFigures, contest by contest, as a write would leave them.
//   npx tsx bench/data/livestream.ts --scale town|prefecture|province [--db sqlite|postgres] [--out dir-or-url]
// writes the livestream tables alone into a fresh database (migrations, bench-admin, the contests):
// the whole province set takes ~25 min, this part a minute.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { hashPassword } from '../../src/server/auth/passwords.js';
import { openDatabase } from '../../src/server/db/database.js';
import { migrateToLatest } from '../../src/server/db/migrate.js';
import { refreshFigures } from '../../src/server/livestream/figures.js';
import { shanghaiDay } from '../../src/shared/livestream.js';
import type { Ctx } from './context.js';
import { BENCH_PASSWORD } from './projects.js';
import { chance, int, mulberry32 } from './random.js';
import { freshPostgres, postgresWriter, sqliteWriter, type Writer } from './writers.js';

export interface LivestreamScale { contests: number; contestants: number; lines: number; bigContestants: number; bigLines: number }
export const LIVESTREAM_SCALES: Record<string, LivestreamScale> = {
  town: { contests: 10, contestants: 100, lines: 100, bigContestants: 300, bigLines: 100 },
  prefecture: { contests: 50, contestants: 100, lines: 100, bigContestants: 500, bigLines: 200 },
  province: { contests: 200, contestants: 100, lines: 100, bigContestants: 1_000, bigLines: 200 },
};
const PRICES = [8_800, 9_800, 12_800, 26_800, 39_900];

/** Contest 1 is the large one; the others are a prefecture's usual contests, one a week from 2023 on. */
export async function generateLivestream(w: Writer, seed: number, scale: LivestreamScale, createdBy: number | null): Promise<number[]> {
  const r = mulberry32(seed ^ 0x1f5);
  const putContest = w.table('ls_contests', ['id', 'name', 'venue', 'platform', 'registration_opens_on', 'registration_closes_on', 'window_start_on', 'window_end_on', 'refund_window_days', 'concentration_pct', 'subsidies_count', 'rules_note', 'frozen_from', 'settled_at', 'settled_by', 'is_sample', 'version', 'created_by', 'created_at', 'updated_at']);
  const putContestant = w.table('ls_contestants', ['id', 'contest_id', 'reg_no', 'name', 'account_name', 'author_id', 'phone', 'is_newcomer', 'status', 'review_note', 'reviewed_by', 'reviewed_at', 'user_id', 'is_sample', 'version', 'created_at', 'updated_at']);
  const putProduct = w.table('ls_products', ['id', 'contest_id', 'product_id', 'name', 'created_at']);
  const putAward = w.table('ls_awards', ['id', 'contest_id', 'name', 'kind', 'places', 'created_at']);
  const putOrder = w.table('ls_orders', ['id', 'contest_id', 'line_key', 'order_no', 'product_id', 'product_name', 'quantity', 'paid_fen', 'refunded_fen', 'refund_state', 'cancelled', 'ordered_at', 'order_day', 'author_id', 'room_id', 'buyer_id', 'contestant_id', 'reason', 'source', 'import_id', 'created_at', 'updated_at']);
  const total = (scale.contests - 1) * scale.contestants * scale.lines + scale.bigContestants * scale.bigLines;
  w.phase('ls_orders', total);
  let contestantId = 0;
  let orderId = 0;
  let productId = 0;
  let awardId = 0;
  const ids: number[] = [];
  for (let c = 1; c <= scale.contests; c++) {
    const big = c === 1;
    const start = new Date(Date.parse('2023-05-17T00:00:00Z') + (c - 1) * 7 * 86_400_000).toISOString().slice(0, 10);
    const at = (days: number) => new Date(Date.parse(`${start}T02:00:00Z`) + days * 86_400_000).toISOString();
    const day = (n: number) => new Date(Date.parse(`${start}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
    const frozen = big ? `${day(4)}T12:00:00.000Z` : null; // 20:00 Beijing time on the last day
    await putContest([c, big ? '全省直播带货大赛(基准)' : `基准直播大赛${c}`, '电商直播基地', 'douyin', day(-7), day(-1), day(0), day(4), 7, 30, 0, '', frozen, null, null, 0, 1, createdBy, at(-10), at(-10)]);
    ids.push(c);
    for (let p = 0; p < PRICES.length; p++) await putProduct([++productId, c, `P${p + 1}`, `基准葡萄酒${p + 1}`, at(-10)]);
    for (const [name, kind, places] of [['销售冠军', 'sales', 1], ['销售十强', 'sales', 10], ['最佳新人', 'newcomer', 1]] as const) await putAward([++awardId, c, name, kind, places, at(-10)]);
    const contestants = big ? scale.bigContestants : scale.contestants;
    const lines = big ? scale.bigLines : scale.lines;
    for (let n = 1; n <= contestants; n++) {
      const id = ++contestantId;
      const author = `a${c}_${n}`;
      await putContestant([id, c, n, `基准选手${c}-${n}`, `基准直播间${c}-${n}`, author, '', chance(r, 0.25) ? 1 : 0, 'approved', '组委会录入', createdBy, at(-2), null, 0, 1, at(-3), at(-2)]);
      const skill = 0.3 + r() * 1.7;
      const bulk = chance(r, 0.02); // a few contestants lean on one buyer: the flags
      for (let i = 0; i < lines; i++) {
        const p = int(r, 0, PRICES.length - 1);
        const quantity = 1 + Math.floor(r() * 2 * skill);
        const paid = PRICES[p] * quantity * (bulk && i % 3 === 0 ? 10 : 1);
        const orderedAt = new Date(Date.parse(`${day(int(r, 0, 4))}T10:00:00Z`) + int(r, 0, 6 * 3600 - 1) * 1000).toISOString();
        const roll = r();
        const refund = roll < 0.05 ? 'succeeded' : roll < 0.07 ? 'pending' : roll < 0.08 ? 'failed' : 'none';
        const cancelled = roll > 0.98 ? 1 : 0;
        const room = roll > 0.96 && !cancelled ? '' : `room${c}_${n}`;
        const reason = cancelled ? 'cancelled' : room === '' ? 'not_live_room' : 'counted';
        const no = `${c}-${n}-${i}`;
        const buyer = bulk && i % 3 === 0 ? `bulk${c}_${n}` : `b${int(r, 1, 20_000)}`;
        await putOrder([++orderId, c, no, no, `P${p + 1}`, `基准葡萄酒${p + 1}`, quantity, paid, refund === 'succeeded' ? (chance(r, 0.5) ? paid : Math.floor(paid / 2)) : 0, refund, cancelled, orderedAt, shanghaiDay(orderedAt), author, room, buyer, id, reason, 'import', null, at(5), at(5)]);
      }
    }
  }
  return ids;
}

/** The boards' sums and flags, by the server's own code, once the lines are in and indexed. */
export async function fillLivestreamFigures(databaseUrl: string | null, dataDir: string, ids: number[]): Promise<void> {
  const started = performance.now();
  const database = openDatabase({ databaseUrl, dataDir });
  try {
    for (const id of ids) await database.db.transaction().execute((trx) => refreshFigures(trx, id));
  } finally {
    await database.close();
  }
  console.log(`  ls_sales, ls_flags       ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/** Standalone: a fresh database holding the migrations, bench-admin and the livestream tables only. */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { scale: { type: 'string', default: 'town' }, db: { type: 'string', default: 'sqlite' }, out: { type: 'string' }, seed: { type: 'string', default: '20230517' } } });
  const scale = LIVESTREAM_SCALES[values.scale!];
  if (!scale) throw new Error(`--scale must be one of ${Object.keys(LIVESTREAM_SCALES).join(', ')}`);
  const started = performance.now();
  let databaseUrl: string | null = null;
  let dataDir = '';
  let w: Writer;
  if (values.db === 'postgres') {
    databaseUrl = values.out ?? `postgres://postgres@127.0.0.1:5432/lianzhu_bench_${values.scale}_livestream`;
    await freshPostgres(databaseUrl);
  } else {
    dataDir = path.resolve(values.out ?? `data/bench/${values.scale}-livestream`);
    const file = path.join(dataDir, 'lianzhu.sqlite');
    for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  }
  const database = openDatabase({ databaseUrl, dataDir });
  await migrateToLatest(database.db);
  const now = new Date().toISOString();
  await database.db.insertInto('users').values({ username: 'bench-admin', password_hash: await hashPassword(BENCH_PASSWORD), display_name: 'bench-admin', role: 'admin', department: null, enterprise_uscc: null, active: 1, created_at: now, updated_at: now }).execute();
  await database.close();
  w = databaseUrl ? await postgresWriter(databaseUrl) : sqliteWriter(path.join(dataDir, 'lianzhu.sqlite'));
  console.log(`livestream bench data: scale ${values.scale}, ${databaseUrl ?? dataDir}`);
  const ids = await generateLivestream(w, Number(values.seed), scale, 1);
  await w.finish();
  await fillLivestreamFigures(databaseUrl, dataDir, ids);
  for (const [table, count] of w.counts) console.log(`  ${table.padEnd(22)} ${count.toLocaleString('en').padStart(11)}`);
  console.log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s; sign in as bench-admin / ${BENCH_PASSWORD}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();


