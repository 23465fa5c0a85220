// query.mjs runs SQL statements in DuckDB and prints each result as one JSON
// line: {"columns": [...], "types": [...], "rows": [[...], ...]}.
// Tests use it as a reader of jobstack's Parquet files that is not ours.
//
//   node query.mjs "SELECT count(*) FROM 'out/postings.parquet'" [more SQL ...]
import { DuckDBInstance } from '@duckdb/node-api';

const statements = process.argv.slice(2);
if (statements.length === 0) {
  console.error('usage: node query.mjs SQL [SQL ...]');
  process.exit(2);
}
const instance = await DuckDBInstance.create(':memory:');
const conn = await instance.connect();
try {
  for (const sql of statements) {
    const reader = await conn.runAndReadAll(sql);
    const columns = reader.columnNames();
    const types = reader.columnTypes().map((t) => t.toString());
    const rows = reader.getRowsJson();
    process.stdout.write(JSON.stringify({ columns, types, rows }) + '\n');
  }
} catch (err) {
  console.error(String(err && err.message ? err.message : err));
  process.exit(1);
} finally {
  conn.closeSync();
}
