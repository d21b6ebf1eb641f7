import { type FakeOpenAI, startFakeOpenAI } from '@piloto/testkit';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Platform } from '../platform/platform.ts';
import { ownerWithCompany } from './company.ts';
import { startTestApp, type TestApp } from './harness.ts';
import type { ApiJson } from './json.ts';
import type { TestClient } from './session.ts';
import { waitFor } from './wait.ts';

type SandboxAgentSetup = {
  company: string;
  /** The agent's fields, over the defaults: the sandbox channel, piloto, no debounce, gpt-4.1-mini. */
  agent: { name: string } & Record<string, unknown>;
  /** More app settings, read once this file's fakes are up (e.g. another provider's fake). */
  env?: () => Record<string, string>;
};

/**
 * A company whose AI agent answers leads in the sandbox channel, with a fake OpenAI as its model:
 * started before the file's tests and closed after. Leads write as in the simulator.
 */
export function useSandboxAgent(setup: SandboxAgentSetup) {
  const sandbox = {} as {
    llm: FakeOpenAI;
    platform: Platform;
    owner: TestClient;
    orgId: string;
    channelId: string;
    agentId: string;
  };
  let testApp: TestApp | undefined;
  let leadSeq = 0;

  const api = (path: string) => `/api/v1/orgs/${sandbox.orgId}${path}`;

  /** A lead writes in the simulator: a new lead, or the one with `phone`. Returns the lead's phone. */
  async function leadSends(message: { text?: string; uploadId?: string }, phone?: string): Promise<string> {
    const leadPhone = phone ?? `+55119876${String(++leadSeq).padStart(5, '0')}`;
    const res = await sandbox.owner.post(api(`/channels/${sandbox.channelId}/sandbox/messages`), {
      leadPhone,
      leadName: `Lead ${leadSeq}`,
      ...message,
    });
    expect(res.statusCode, res.body).toBe(202);
    return leadPhone;
  }
  const leadSays = (text: string, phone?: string) => leadSends({ text }, phone);

  /** The lead's conversation, once the message has come in. */
  const conversationOf = (phone: string): Promise<ApiJson> =>
    waitFor(async () => {
      const list = (await sandbox.owner.get(api('/conversations?view=all'))).json()
        .conversations as ApiJson[];
      return list.find((c) => c.contact.phone === phone);
    });
  const messagesOf = async (conversationId: string): Promise<ApiJson[]> =>
    (await sandbox.owner.get(api(`/conversations/${conversationId}/messages`))).json().messages;
  const tracesOf = async (conversationId: string): Promise<ApiJson[]> =>
    (await sandbox.owner.get(api(`/traces?conversationId=${conversationId}`))).json().traces;

  beforeAll(async () => {
    sandbox.llm = await startFakeOpenAI();
    testApp = await startTestApp({
      OPENAI_API_KEY: sandbox.llm.apiKey,
      OPENAI_BASE_URL: sandbox.llm.url,
      ...setup.env?.(),
    });
    sandbox.platform = testApp.platform;
    ({ owner: sandbox.owner, orgId: sandbox.orgId } = await ownerWithCompany(
      testApp.app,
      testApp.platform,
      setup.company,
    ));
    const channel = await sandbox.owner.post(api('/channels'), { provider: 'sandbox', name: 'Playground' });
    sandbox.channelId = channel.json().id;
    const agent = await sandbox.owner.post(api('/agents'), {
      mode: 'piloto',
      debounceSeconds: 0,
      channelIds: [sandbox.channelId],
      model: { provider: 'openai', name: 'gpt-4.1-mini' },
      ...setup.agent,
    });
    expect(agent.statusCode, agent.body).toBe(201);
    expect(agent.json()).toMatchObject({ version: 1, notReadyReason: null });
    sandbox.agentId = agent.json().id;
  });
  afterAll(async () => {
    await testApp?.close();
    await sandbox.llm?.close();
  });

  return Object.assign(sandbox, { api, leadSends, leadSays, conversationOf, messagesOf, tracesOf });
}
