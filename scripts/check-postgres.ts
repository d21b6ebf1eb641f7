// Usage: node scripts/check-postgres.ts <url> connect|vector|report — exit 0 when the check passes.
import pg from 'pg';

const [url, check] = process.argv.slice(2);
const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
try {
  await client.connect();
  if (check === 'vector' || check === 'report') {
    const { rows } = await client.query(
      "select name, default_version from pg_available_extensions where name in ('vector', 'unaccent') order by name",
    );
    const names = rows.map((r) => r.name);
    if (check === 'report') {
      const { rows: v } = await client.query('show server_version');
      console.log(
        `postgresql: ${v[0].server_version}; extensões: ${rows.map((r) => `${r.name} ${r.default_version}`).join(', ')}`,
      );
    }
    if (!names.includes('vector') || !names.includes('unaccent')) process.exitCode = 1;
  }
} catch (error) {
  if (check !== 'connect') console.error(`não foi possível conectar em ${url}: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await client.end().catch(() => {});
}
