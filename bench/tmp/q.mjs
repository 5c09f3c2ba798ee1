import Database from 'better-sqlite3';
const [file, ...qs] = process.argv.slice(2);
const db = new Database(file, { readonly: true });
for (const q of qs) {
  console.log('---', q.slice(0, 300));
  if (/^\s*select/i.test(q)) for (const r of db.prepare(`explain query plan ${q}`).all()) console.log('   ', r.detail);
  const t = performance.now(); const rows = db.prepare(q).all(); console.log(`    ${(performance.now() - t).toFixed(1)} ms`, JSON.stringify(rows.slice(0, 12)));
}
