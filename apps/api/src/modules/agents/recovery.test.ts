import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type FakeOpenAI, startFakeOpenAI } from '@piloto/testkit';
import { and, eq } from 'drizzle-orm';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { agentTraces, conversations, leadProfiles, messages } from '../../db/schema/index.ts';
import { type Platform, startPlatform } from '../../platform/platform.ts';
import { createTestDatabase, TEST_APP_URL, testDbKind } from '../../testing/harness.ts';
import { waitFor } from '../../testing/wait.ts';
import { sandboxProvider } from '../channels/providers/sandbox/sandbox.ts';

const mainPath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../main.ts');
const LEASE_SECONDS = 2;
const REPLY = 'Temos sim! Armações a partir de R$ 199. Quer agendar um exame de vista?';

const cleanups: Array<() => Promise<unknown> | unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The real app in a child process (ROLE=worker) on the given database, ready once it logs its banner. */
async function startWorkerProcess(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; output: () => string }> {
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
  return { child, output: () => output };
}

describe('a run cut short by a crash', () => {
  it('continues from its checkpoint in another process: one reply, tools not run again, one trace', async (ctx) => {
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

    // This process: migrations, the company and its agent; its workers stay off until the recovery.
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

    // The turn: a tool call, then a model call that never answers — the worker dies waiting for it.
    llm.script(
      {
        toolCalls: [{ name: 'update_lead', args: { fields: { necessidade: 'óculos de grau' }, score: 40 } }],
      },
      { content: 'resposta que nunca chega', delayMs: 120_000 },
      { content: REPLY },
    );
    const worker = await startWorkerProcess(env);
    await platform.ingest.apply(
      { id: channel.id, orgId },
      sandboxProvider.parseWebhook({
        leadPhone: '+5511987650001',
        leadName: 'Lead',
        text: 'Vocês têm armação barata?',
      }),
    );
    await waitFor(() => (llm.requests.length >= 2 ? true : undefined), 30_000, 'the second model call');
    worker.child.kill('SIGKILL');

    const [conv] = await platform.db.select().from(conversations).where(eq(conversations.orgId, orgId));
    const [orphan] = await platform.db
      .select()
      .from(agentTraces)
      .where(eq(agentTraces.conversationId, conv.id));
    expect(orphan.status).toBe('running');
    expect(conv.aiRunId).not.toBeNull();
    const profileBefore = await platform.db
      .select({ updatedAt: leadProfiles.updatedAt })
      .from(leadProfiles)
      .where(eq(leadProfiles.contactId, conv.contactId));
    expect(profileBefore).toHaveLength(1);

    // Another instance starts once the dead worker's lease has expired: its sweep finds the run.
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

    const aiMessages = () =>
      platform.db
        .select({ text: messages.text })
        .from(messages)
        .where(and(eq(messages.conversationId, conv.id), eq(messages.senderType, 'ai')));
    await waitFor(async () => ((await aiMessages()).length ? true : undefined), 20_000, 'the reply');
    const trace = await waitFor(async () => {
      const [t] = await platform.db.select().from(agentTraces).where(eq(agentTraces.id, orphan.id));
      return t.status === 'running' ? undefined : t;
    });
    await new Promise((r) => setTimeout(r, 1000)); // nothing else may follow (a second run, a duplicate)

    expect((await aiMessages()).map((m) => m.text)).toEqual([REPLY]);
    // Three model calls: the tool call, the one the crash cut, and the recovered one — which saw the tool's
    // result from the checkpoint instead of asking for the tool again.
    expect(llm.requests).toHaveLength(3);
    const seen = llm.requests[2].messages;
    expect(seen.map((m) => m.role).slice(-2)).toEqual(['assistant', 'tool']);
    expect(JSON.stringify(seen.at(-2))).toContain('update_lead');
    expect(JSON.stringify(seen.at(-1))).toContain('Ficha do lead atualizada.');
    const profileAfter = await platform.db
      .select({ updatedAt: leadProfiles.updatedAt })
      .from(leadProfiles)
      .where(eq(leadProfiles.contactId, conv.contactId));
    expect(profileAfter).toEqual(profileBefore); // update_lead did not run again

    const traces = await platform.db
      .select()
      .from(agentTraces)
      .where(eq(agentTraces.conversationId, conv.id));
    expect(traces).toHaveLength(1);
    expect(trace).toMatchObject({ id: orphan.id, status: 'replied', output: [REPLY] });
    expect(trace.toolCalls).toEqual([
      expect.objectContaining({ name: 'update_lead', result: 'Ficha do lead atualizada.' }),
    ]);
    const [after] = await platform.db.select().from(conversations).where(eq(conversations.id, conv.id));
    expect(after.aiRunId).toBeNull();
  }, 90_000);
});
