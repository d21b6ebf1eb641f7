import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type FakeOpenAI, startFakeOpenAI } from '@piloto/testkit';
import { and, asc, eq } from 'drizzle-orm';
import pino from 'pino';
import { afterEach, describe, expect, it, type TestContext } from 'vitest';
import { loadConfig } from '../../config.ts';
import { agentTraces, conversations, leadProfiles, messages } from '../../db/schema/index.ts';
import { type Platform, startPlatform } from '../../platform/platform.ts';
import { createTestDatabase, TEST_APP_URL, testDbKind } from '../../testing/harness.ts';
import { waitFor } from '../../testing/wait.ts';
import { sandboxProvider } from '../channels/providers/sandbox/sandbox.ts';

const mainPath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../main.ts');
const LEASE_SECONDS = 2;
const LEAD_PHONE = '+5511987650001';
const TOOL_TURN = {
  toolCalls: [{ name: 'update_lead', args: { fields: { necessidade: 'óculos de grau' }, score: 40 } }],
};
const HANGING_TURN = { content: 'resposta que nunca chega', delayMs: 120_000 };

const cleanups: Array<() => Promise<unknown> | unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The real app in a child process (ROLE=worker) on the given database, ready once it logs its banner. */
async function startWorkerProcess(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, [mainPath], {
    env: {
      PATH: process.env.PATH,
      ROLE: 'worker',
      PORT: '0',
      LOG_LEVEL: 'info',
      WEB_DIST: '/nonexistent',
      ...env,
    },
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  cleanups.push(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
  });
  await waitFor(
    () => {
      if (child.exitCode !== null) throw new Error(`worker exited before ready:\n${output}`);
      return /no ar em/.test(output) ? true : undefined;
    },
    30_000,
    'the worker process to start',
  );
  return child;
}

/**
 * A company whose agent's turn runs in a worker process that is killed during its second model call
 * (after a tool ran). This process shares the database, with its workers off until `recover()`.
 */
async function crashMidTurn(ctx: TestContext, afterCrash: Array<{ content: string }>) {
  ctx.skip(
    testDbKind !== 'postgres',
    'needs TEST_DB=postgres: a killed process’s embedded PGlite is not shared with another process',
  );
  const database = await createTestDatabase('postgres');
  cleanups.push(() => database.drop());
  const llm: FakeOpenAI = await startFakeOpenAI();
  cleanups.push(() => llm.close());
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'piloto-recovery-'));
  cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const env = {
    NODE_ENV: 'test',
    DATABASE_URL: database.url!,
    DATABASE_POOL_MAX: '4',
    DATA_DIR: dataDir,
    APP_URL: TEST_APP_URL,
    AUTH_SECRET: 'r'.repeat(40),
    OPENAI_API_KEY: llm.apiKey,
    OPENAI_BASE_URL: llm.url,
    AI_RUN_LEASE_SECONDS: String(LEASE_SECONDS),
  };
  const platform: Platform = await startPlatform(
    loadConfig({ ...env, LOG_LEVEL: 'silent' }),
    pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
  );
  cleanups.push(() => platform.stop());
  const userId = randomUUID();
  await platform.database.pool.query(
    "insert into users (id, name, email, email_verified) values ($1, 'Dona', $2, true)",
    [userId, `${userId}@recovery.test`],
  );
  const { id: orgId } = await platform.orgs.createOrg(userId, { name: 'Ótica Visão' });
  const channel = await platform.channels.create(orgId, { provider: 'sandbox', name: 'Playground' });
  await platform.agents.create(orgId, userId, {
    name: 'Bia',
    mode: 'piloto',
    debounceSeconds: 0,
    channelIds: [channel.id],
    model: { provider: 'openai', name: 'gpt-4.1-mini' },
    replyStyle: { splitMessages: false, maxMessagesPerTurn: 1, typingDelay: false },
  });
  const leadSays = (text: string) =>
    platform.ingest.apply(
      { id: channel.id, orgId },
      sandboxProvider.parseWebhook({ leadPhone: LEAD_PHONE, leadName: 'Lead', text }),
    );

  llm.script(TOOL_TURN, HANGING_TURN, ...afterCrash);
  const worker = await startWorkerProcess(env);
  await leadSays('Vocês têm armação barata?');
  await waitFor(() => (llm.requests.length >= 2 ? true : undefined), 30_000, 'the second model call');
  worker.kill('SIGKILL');

  const [conv] = await platform.db.select().from(conversations).where(eq(conversations.orgId, orgId));
  const [orphan] = await platform.db
    .select()
    .from(agentTraces)
    .where(eq(agentTraces.conversationId, conv.id));
  expect(orphan.status).toBe('running');
  expect(conv.aiRunId).not.toBeNull();
  const profile = () =>
    platform.db
      .select({ updatedAt: leadProfiles.updatedAt })
      .from(leadProfiles)
      .where(eq(leadProfiles.contactId, conv.contactId));
  const profileAtCrash = await profile();
  expect(profileAtCrash).toHaveLength(1);

  return {
    platform,
    llm,
    conv,
    orphan,
    leadSays,
    profileAtCrash,
    profile,
    /** Another instance starts once the dead worker's lease has expired: its sweep finds the run. */
    async recover() {
      await waitFor(
        async () => {
          const [c] = await platform.db
            .select({ renewedAt: conversations.aiRunStartedAt })
            .from(conversations)
            .where(eq(conversations.id, conv.id));
          return c.renewedAt && Date.now() - c.renewedAt.getTime() > LEASE_SECONDS * 1000 + 200
            ? true
            : undefined;
        },
        10_000,
        'the lease to expire',
      );
      await platform.startWorkers();
    },
    aiMessages: async () =>
      (
        await platform.db
          .select({ text: messages.text })
          .from(messages)
          .where(and(eq(messages.conversationId, conv.id), eq(messages.senderType, 'ai')))
          .orderBy(asc(messages.seq))
      ).map((m) => m.text),
    traces: () =>
      platform.db
        .select()
        .from(agentTraces)
        .where(eq(agentTraces.conversationId, conv.id))
        .orderBy(asc(agentTraces.createdAt)),
  };
}

describe('a run cut short by a crash', () => {
  it('continues from its checkpoint in another process: one reply, tools not run again, one trace', async (ctx) => {
    const reply = 'Temos sim! Armações a partir de R$ 199. Quer agendar um exame de vista?';
    const t = await crashMidTurn(ctx, [{ content: reply }]);
    await t.recover();

    await waitFor(async () => ((await t.aiMessages()).length ? true : undefined), 20_000, 'the reply');
    await waitFor(async () => ((await t.traces()).every((x) => x.status !== 'running') ? true : undefined));
    await new Promise((r) => setTimeout(r, 1000)); // nothing else may follow (a second run, a duplicate)

    expect(await t.aiMessages()).toEqual([reply]);
    // Three model calls: the tool call, the one the crash cut, and the recovered one — which saw the tool's
    // result from the checkpoint instead of asking for the tool again.
    expect(t.llm.requests).toHaveLength(3);
    const seen = t.llm.requests[2].messages;
    expect(seen.map((m) => m.role).slice(-2)).toEqual(['assistant', 'tool']);
    expect(JSON.stringify(seen.at(-2))).toContain('update_lead');
    expect(JSON.stringify(seen.at(-1))).toContain('Ficha do lead atualizada.');
    expect(await t.profile()).toEqual(t.profileAtCrash); // update_lead did not run again

    const traces = await t.traces();
    expect(traces).toHaveLength(1);
    expect(traces[0]).toMatchObject({ id: t.orphan.id, status: 'replied', output: [reply] });
    expect(traces[0].toolCalls).toEqual([
      expect.objectContaining({ name: 'update_lead', result: 'Ficha do lead atualizada.' }),
    ]);
    const [after] = await t.platform.db.select().from(conversations).where(eq(conversations.id, t.conv.id));
    expect(after.aiRunId).toBeNull();
  }, 90_000);

  it('a lead who wrote while the run was down gets one answer to everything, not the stale one', async (ctx) => {
    const stale = 'Temos sim! Armações a partir de R$ 199.';
    const fresh = 'Temos a partir de R$ 199, e sim, parcelamos em até 10x.';
    const t = await crashMidTurn(ctx, [{ content: stale }, { content: fresh }]);
    await t.leadSays('e parcelam?');
    await t.recover();

    await waitFor(async () => ((await t.aiMessages()).length ? true : undefined), 20_000, 'the reply');
    await waitFor(async () => ((await t.traces()).every((x) => x.status !== 'running') ? true : undefined));
    await new Promise((r) => setTimeout(r, 1000));

    expect(await t.aiMessages()).toEqual([fresh]);
    expect(t.llm.requests).toHaveLength(4);
    expect(JSON.stringify(t.llm.requests[2].messages)).toContain('Ficha do lead atualizada.');
    expect(JSON.stringify(t.llm.requests[3].messages)).toContain('e parcelam?');
    expect(await t.profile()).toEqual(t.profileAtCrash);
    const traces = await t.traces();
    expect(traces.map((x) => [x.id === t.orphan.id, x.status])).toEqual([
      [true, 'superseded'],
      [false, 'replied'],
    ]);
  }, 90_000);
});
