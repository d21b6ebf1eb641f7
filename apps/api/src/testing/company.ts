import type { FastifyInstance } from 'fastify';
import type { Platform } from '../platform/platform.ts';
import { lastMailTo, linkIn, signUpVerified, TestClient } from './session.ts';

let seq = 0;

/** A signed-in owner with a fresh company. */
export async function ownerWithCompany(app: FastifyInstance, platform: Platform, name = 'Loja Teste') {
  seq++;
  const owner: TestClient = await signUpVerified(app, platform, {
    email: `dono${seq}-${Date.now()}@loja.com.br`,
    name: `Dono ${seq}`,
  });
  const res = await owner.post('/api/v1/orgs', { name });
  if (res.statusCode !== 201) throw new Error(`create org: ${res.body}`);
  const orgId = res.json().id as string;
  const me = (await owner.get('/api/v1/me')).json();
  return { owner, orgId, memberId: me.memberships[0].memberId as string };
}

/** A member of the company with the given role, signed in through an invitation. */
export async function memberOf(
  app: FastifyInstance,
  platform: Platform,
  owner: TestClient,
  orgId: string,
  role: 'admin' | 'seller',
): Promise<TestClient> {
  const email = `${role}${++seq}-${Date.now()}@loja.com.br`;
  const res = await owner.post(`/api/v1/orgs/${orgId}/invitations`, { email, role });
  if (res.statusCode !== 201) throw new Error(`invite: ${res.body}`);
  const mail = await lastMailTo(platform, email);
  const token = new URL(linkIn(mail.text)).pathname.split('/').pop()!;
  const client = new TestClient(app);
  const joined = await client.post(`/api/v1/invitations/${token}/sign-up`, {
    name: `${role} ${seq}`,
    password: 'senha-segura-123',
  });
  if (joined.statusCode !== 201) throw new Error(`join: ${joined.body}`);
  return client;
}
