// npm run bench:webhooks — Cloud API webhooks against one instance on real PostgreSQL, next to a bare
// Fastify + pg INSERT endpoint measured in the same run. Prints both and the ratio.
//
// Targets (issue #4): ≥ 3,000 webhooks/s sustained with p99 < 100 ms, and ≥ 60% of the bare baseline.
// The server runs in a child process (ROLE=web: the answer path only); the load generator here.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { createTestDatabase } from '../apps/api/src/testing/harness.ts';
import { cloudPayloads, signedCloudWebhook, startFakeCloudApi } from '../packages/testkit/src/index.ts';

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 15);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);

function spawnServer(
  args: string[],
  env: Record<string, string>,
): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_PROF && args[0] === process.env.BENCH_PROF
        ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof']
        : []),
      fileURLToPath(import.meta.url),
      ...args,
    ],
    {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const m = out.match(/LISTENING (\d+)/);
      if (m) resolve({ child, port: Number(m[1]) });
    });
    child.on('exit', (code) => reject(new Error(`server exited (${code})`)));
  });
}

async function load(url: string, requests: autocannon.Request[]) {
  // Warm up, then measure.
  await autocannon({ url, connections: CONNECTIONS, duration: 3, requests });
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, requests });
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    non2xx: result.non2xx + result.errors + result.timeouts,
    total: result.requests.total,
  };
}

/** Child mode: the bare baseline — Fastify + one INSERT per request. */
async function serveBaseline(dbUrl: string) {
  const Fastify = (await import('fastify')).default;
  const pool = new pg.Pool({ connectionString: dbUrl, max: 10 });
  await pool.query(
    'create table if not exists bench_events (id uuid primary key default gen_random_uuid(), body text not null, received_at timestamptz default now())',
  );
  const app = Fastify();
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_r, body, done) => done(null, body));
  app.post('/ingest', async (request) => {
    await pool.query('insert into bench_events (body) values ($1)', [
      (request.body as Buffer).toString('utf8'),
    ]);
    return { received: true };
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  console.log(`LISTENING ${(app.server.address() as { port: number }).port}`);
}

/** Child mode: the real app (webhook route only does work: ROLE=web, no workers competing). */
async function serveApp() {
  const { loadConfig } = await import('../apps/api/src/config.ts');
  const { startPlatform } = await import('../apps/api/src/platform/platform.ts');
  const { buildApp } = await import('../apps/api/src/app.ts');
  const pino = (await import('pino')).default;
  const config = loadConfig({
    ...process.env,
    LOG_LEVEL: 'silent',
    ROLE: 'web',
    NODE_ENV: 'production',
    AUTH_SECRET: 'b'.repeat(40),
  });
  const platform = await startPlatform(config, pino({ level: 'silent' }));
  const app = await buildApp(platform);
  await app.listen({ port: 0, host: '127.0.0.1' });
  console.log(`LISTENING ${(app.server.address() as { port: number }).port}`);
}

async function main() {
  const mode = process.argv[2];
  // Exit cleanly on SIGINT so --cpu-prof can write its profile.
  if (mode) process.on('SIGINT', () => process.exit(0));
  if (mode === '--baseline') return serveBaseline(process.env.BENCH_DB!);
  if (mode === '--app') return serveApp();

  const created = await createTestDatabase('postgres');
  const db = { url: created.url!, drop: created.drop };
  const fakeCloud = await startFakeCloudApi();
  const children: ChildProcess[] = [];
  try {
    // Company + Cloud channel, created through the service layer of a short-lived platform.
    const { loadConfig } = await import('../apps/api/src/config.ts');
    const { startPlatform } = await import('../apps/api/src/platform/platform.ts');
    const pino = (await import('pino')).default;
    const env = { DATABASE_URL: db.url, APP_URL: 'http://127.0.0.1:1', AUTH_SECRET: 'b'.repeat(40) };
    const setup = await startPlatform(loadConfig({ ...env, LOG_LEVEL: 'silent' }), pino({ level: 'silent' }));
    const { id: orgId } = await setup.orgs.createOrg(await createUser(setup.database.pool), {
      name: 'Bench',
    });
    const channel = await setup.channels.create(orgId, {
      provider: 'cloud',
      name: 'Bench',
      credentials: fakeCloud.credentials,
    });
    await setup.stop();

    // Distinct signed payloads (new wamid each), as a busy number produces: messages and statuses.
    const bodies = Array.from({ length: 2000 }, (_, i) => {
      const payload =
        i % 4 === 0
          ? cloudPayloads.text({
              from: `55119${String(80000000 + (i % 500)).padStart(8, '0')}`,
              text: `mensagem ${i}`,
            })
          : cloudPayloads.status(`wamid.${randomUUID()}`, (['sent', 'delivered', 'read'] as const)[i % 3]);
      return signedCloudWebhook(fakeCloud.credentials.appSecret, payload);
    });
    let next = 0;
    const appRequests: autocannon.Request[] = [
      {
        method: 'POST',
        path: `/webhooks/cloud/${channel.id}`,
        setupRequest: (req) => {
          const b = bodies[next++ % bodies.length];
          return { ...req, body: b.rawBody.toString('utf8'), headers: b.headers };
        },
      },
    ];
    const baselineRequests: autocannon.Request[] = [
      {
        method: 'POST',
        path: '/ingest',
        setupRequest: (req) => {
          const b = bodies[next++ % bodies.length];
          return {
            ...req,
            body: b.rawBody.toString('utf8'),
            headers: { 'content-type': 'application/json' },
          };
        },
      },
    ];

    const baseline = await spawnServer(['--baseline'], { BENCH_DB: db.url });
    children.push(baseline.child);
    const base = await load(`http://127.0.0.1:${baseline.port}`, baselineRequests);
    baseline.child.kill('SIGINT');
    await new Promise((r) => baseline.child.once('exit', r));

    const app = await spawnServer(['--app'], { ...env, DATABASE_URL: db.url });
    children.push(app.child);
    const ours = await load(`http://127.0.0.1:${app.port}`, appRequests);
    app.child.kill('SIGINT');
    await new Promise((r) => app.child.once('exit', r));

    const ratio = ours.rps / base.rps;
    const row = (name: string, r: typeof ours) =>
      `${name.padEnd(28)} ${r.rps.toFixed(0).padStart(7)} req/s   p99 ${String(r.p99).padStart(4)} ms   non-2xx ${r.non2xx}`;
    console.log(`\nWebhook ingestion — ${CONNECTIONS} connections, ${DURATION_S}s, real PostgreSQL`);
    console.log(row('bare Fastify + pg INSERT', base));
    console.log(row('Cloud API webhook (app)', ours));
    console.log(`ratio app/baseline: ${(ratio * 100).toFixed(0)}%`);
    const checks = [
      [`≥ 3,000 webhooks/s`, ours.rps >= 3000],
      [`p99 < 100 ms`, ours.p99 < 100],
      [`≥ 60% of baseline`, ratio >= 0.6],
      [`every webhook answered 200`, ours.non2xx === 0],
    ] as const;
    for (const [what, ok] of checks) console.log(`${ok ? 'OK  ' : 'MISS'} ${what}`);
  } finally {
    for (const c of children) c.kill();
    await fakeCloud.close();
    await db.drop();
  }
}

async function createUser(pool: pg.Pool): Promise<string> {
  const id = randomUUID();
  await pool.query("insert into users (id, name, email, email_verified) values ($1, 'Bench', $2, true)", [
    id,
    `${id}@bench.test`,
  ]);
  return id;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
