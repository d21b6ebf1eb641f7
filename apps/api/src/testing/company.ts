import type { FastifyInstance } from 'fastify';
import type { Platform } from '../platform/platform.ts';
import { signUpVerified, type TestClient } from './session.ts';

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
