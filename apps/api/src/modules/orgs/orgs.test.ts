import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../testing/harness.ts';
import { lastMailTo, linkIn, signUpVerified, TestClient } from '../../testing/session.ts';

let t: TestApp;
let owner: TestClient;
let orgId: string;

beforeAll(async () => {
  t = await startTestApp();
  owner = await signUpVerified(t.app, t.platform, { email: 'dona@padaria.com.br', name: 'Dona Maria' });
  const res = await owner.post('/api/v1/orgs', { name: 'Padaria Pão Quente' });
  expect(res.statusCode).toBe(201);
  orgId = res.json().id;
});
afterAll(() => t?.close());

async function invite(email: string, role: 'admin' | 'seller' | 'owner' = 'seller', by = owner) {
  const res = await by.post(`/api/v1/orgs/${orgId}/invitations`, { email, role });
  expect(res.statusCode, res.body).toBe(201);
  const mail = await lastMailTo(t.platform, email);
  const token = new URL(linkIn(mail.text)).pathname.split('/').pop()!;
  return { invitation: res.json(), token, mail };
}

async function joinAs(email: string, role: 'admin' | 'seller' = 'seller') {
  const { token } = await invite(email, role);
  const client = new TestClient(t.app);
  const res = await client.post(`/api/v1/invitations/${token}/sign-up`, {
    name: email.split('@')[0],
    password: 'senha-segura-123',
  });
  expect(res.statusCode, res.body).toBe(201);
  return { client, memberId: res.json().memberId as string };
}

describe('companies', () => {
  it('creates a company with São Paulo time and default business hours, owned by its creator', async () => {
    const org = (await owner.get(`/api/v1/orgs/${orgId}`)).json();
    expect(org).toMatchObject({ name: 'Padaria Pão Quente', timeZone: 'America/Sao_Paulo' });
    expect(org.businessHours.mon).toEqual({ open: true, start: '09:00', end: '18:00' });
    expect(org.businessHours.sun.open).toBe(false);
    const me = (await owner.get('/api/v1/me')).json();
    expect(me.memberships).toEqual([
      expect.objectContaining({ orgId, orgName: 'Padaria Pão Quente', role: 'owner' }),
    ]);
  });

  it('validates input with field-level errors in pt-BR', async () => {
    const res = await owner.post('/api/v1/orgs', {
      name: 'X',
      timeZone: 'Marte/Olympus',
      businessHours: { mon: { open: true, start: '18:00', end: '09:00' } },
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('VALIDATION_ERROR');
    const paths = body.error.details.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['name', 'timeZone']));
    const nameError = body.error.details.fields.find((f: { path: string }) => f.path === 'name');
    expect(nameError.message).toMatch(/nome da empresa/);
  });

  it('lets an admin update settings', async () => {
    const hours = (await owner.get(`/api/v1/orgs/${orgId}`)).json().businessHours;
    const res = await owner.patch(`/api/v1/orgs/${orgId}`, {
      timeZone: 'America/Manaus',
      businessHours: { ...hours, sat: { open: true, start: '08:00', end: '12:00' } },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      timeZone: 'America/Manaus',
      businessHours: { sat: { open: true, start: '08:00' } },
    });
  });

  it('lets a person belong to several companies and switch between them', async () => {
    const second = await owner.post('/api/v1/orgs', { name: 'Confeitaria Doce' });
    const me = (await owner.get('/api/v1/me')).json();
    expect(me.memberships.map((m: { orgName: string }) => m.orgName)).toEqual([
      'Confeitaria Doce',
      'Padaria Pão Quente',
    ]);
    expect((await owner.get(`/api/v1/orgs/${second.json().id}`)).statusCode).toBe(200);
  });
});

describe('invitations', () => {
  it('e-mails a link; a new person creates an account from it and joins as seller', async () => {
    const { invitation, token, mail } = await invite('vendedor1@padaria.com.br');
    expect(invitation).toMatchObject({
      email: 'vendedor1@padaria.com.br',
      role: 'seller',
      status: 'pending',
      invitedByName: 'Dona Maria',
    });
    expect(mail.subject).toBe('Dona Maria convidou você para Padaria Pão Quente no PilotoDeVendas.IA');
    expect(linkIn(mail.text)).toBe(`http://localhost:3000/convite/${token}`);

    const anon = new TestClient(t.app);
    const preview = await anon.get(`/api/v1/invitations/${token}`);
    expect(preview.json()).toEqual({
      orgName: 'Padaria Pão Quente',
      email: 'vendedor1@padaria.com.br',
      role: 'seller',
      status: 'pending',
      invitedByName: 'Dona Maria',
      expiresAt: expect.any(String),
      accountExists: false,
    });
    const days = (Date.parse(preview.json().expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    const join = await anon.post(`/api/v1/invitations/${token}/sign-up`, {
      name: 'Vendedor Um',
      password: 'senha-segura-123',
    });
    expect(join.statusCode).toBe(201);
    expect(join.json()).toMatchObject({ orgId, role: 'seller' });
    const me = (await anon.get('/api/v1/me')).json();
    expect(me.user).toMatchObject({ email: 'vendedor1@padaria.com.br', emailVerified: true });
    expect(me.memberships).toHaveLength(1);

    const reuse = await new TestClient(t.app).post(`/api/v1/invitations/${token}/accept`);
    expect(reuse.statusCode).toBe(401);
    expect((await anon.post(`/api/v1/invitations/${token}/accept`)).json().error.code).toBe(
      'INVITATION_ALREADY_ACCEPTED',
    );
  });

  it('an existing account accepts while signed in, only with the invited e-mail', async () => {
    const existing = await signUpVerified(t.app, t.platform, { email: 'ja-tenho@conta.com' });
    const stranger = await signUpVerified(t.app, t.platform, { email: 'outra@pessoa.com' });
    const { token } = await invite('ja-tenho@conta.com', 'admin');
    expect((await new TestClient(t.app).get(`/api/v1/invitations/${token}`)).json().accountExists).toBe(true);
    const signUp = await new TestClient(t.app).post(`/api/v1/invitations/${token}/sign-up`, {
      name: 'Xavier',
      password: 'senha-segura-123',
    });
    expect(signUp.json().error.code).toBe('ACCOUNT_EXISTS');
    const wrong = await stranger.post(`/api/v1/invitations/${token}/accept`);
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error).toMatchObject({ code: 'INVITATION_EMAIL_MISMATCH' });
    const ok = await existing.post(`/api/v1/invitations/${token}/accept`);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ orgId, role: 'admin' });
  });

  it('lists pending invitations, resends with a new link and revokes', async () => {
    const { invitation, token: oldToken } = await invite('pendente@padaria.com.br');
    const list = (await owner.get(`/api/v1/orgs/${orgId}/invitations`)).json().invitations;
    expect(list.map((i: { email: string }) => i.email)).toContain('pendente@padaria.com.br');

    const resent = await owner.post(`/api/v1/orgs/${orgId}/invitations/${invitation.id}/resend`);
    expect(resent.statusCode).toBe(200);
    const newToken = new URL(linkIn((await lastMailTo(t.platform, 'pendente@padaria.com.br')).text)).pathname
      .split('/')
      .pop();
    expect(newToken).not.toBe(oldToken);
    expect((await new TestClient(t.app).get(`/api/v1/invitations/${oldToken}`)).statusCode).toBe(404);

    expect((await owner.delete(`/api/v1/orgs/${orgId}/invitations/${invitation.id}`)).statusCode).toBe(204);
    const preview = await new TestClient(t.app).get(`/api/v1/invitations/${newToken}`);
    expect(preview.json().status).toBe('revoked');
    const join = await new TestClient(t.app).post(`/api/v1/invitations/${newToken}/sign-up`, {
      name: 'Tarde',
      password: 'senha-segura-123',
    });
    expect(join.statusCode).toBe(410);
    expect(join.json().error.code).toBe('INVITATION_REVOKED');
  });

  it('refuses to invite someone already on the team', async () => {
    const res = await owner.post(`/api/v1/orgs/${orgId}/invitations`, {
      email: 'DONA@padaria.com.br',
      role: 'seller',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('ALREADY_MEMBER');
  });

  it('rejects an unknown or malformed invitation link with 404', async () => {
    for (const token of ['x'.repeat(43), 'curto']) {
      const res = await new TestClient(t.app).get(`/api/v1/invitations/${token}`);
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    }
  });
});

describe('roles and members', () => {
  it('keeps sellers out of admin routes with 403, but lets them read their company', async () => {
    const { client: seller } = await joinAs('vendedor2@padaria.com.br');
    expect((await seller.get(`/api/v1/orgs/${orgId}`)).statusCode).toBe(200);
    for (const [method, url, body] of [
      ['GET', `/api/v1/orgs/${orgId}/members`],
      ['PATCH', `/api/v1/orgs/${orgId}`, { name: 'Hack' }],
      ['GET', `/api/v1/orgs/${orgId}/invitations`],
      ['POST', `/api/v1/orgs/${orgId}/invitations`, { email: 'x@y.com', role: 'admin' }],
    ] as const) {
      const res = await seller.request(method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
  });

  it('changes roles, deactivates and reactivates members', async () => {
    const { client: seller, memberId } = await joinAs('vendedor3@padaria.com.br');
    const promote = await owner.patch(`/api/v1/orgs/${orgId}/members/${memberId}`, { role: 'admin' });
    expect(promote.json()).toMatchObject({ role: 'admin', status: 'active' });
    expect((await seller.get(`/api/v1/orgs/${orgId}/members`)).statusCode).toBe(200);

    const off = await owner.patch(`/api/v1/orgs/${orgId}/members/${memberId}`, { status: 'inactive' });
    expect(off.json().status).toBe('inactive');
    const blocked = await seller.get(`/api/v1/orgs/${orgId}`);
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('MEMBER_INACTIVE');
    expect((await seller.get('/api/v1/me')).json().memberships).toEqual([]);

    await owner.patch(`/api/v1/orgs/${orgId}/members/${memberId}`, { status: 'active' });
    expect((await seller.get(`/api/v1/orgs/${orgId}`)).statusCode).toBe(200);
  });

  it('protects owners: admins cannot touch them, the last owner stays, nobody deactivates themselves', async () => {
    const { client: admin, memberId: adminMemberId } = await joinAs('admin2@padaria.com.br', 'admin');
    const members = (await owner.get(`/api/v1/orgs/${orgId}/members`)).json().members;
    const ownerMember = members.find((m: { email: string }) => m.email === 'dona@padaria.com.br');

    const demoteOwner = await admin.patch(`/api/v1/orgs/${orgId}/members/${ownerMember.id}`, {
      role: 'seller',
    });
    expect(demoteOwner.statusCode).toBe(403);
    const selfPromote = await admin.patch(`/api/v1/orgs/${orgId}/members/${adminMemberId}`, {
      role: 'owner',
    });
    expect(selfPromote.statusCode).toBe(403);
    const inviteOwner = await admin.post(`/api/v1/orgs/${orgId}/invitations`, {
      email: 'novo-dono@x.com',
      role: 'owner',
    });
    expect(inviteOwner.statusCode).toBe(403);

    const lastOwner = await owner.patch(`/api/v1/orgs/${orgId}/members/${ownerMember.id}`, { role: 'admin' });
    expect(lastOwner.statusCode).toBe(409);
    expect(lastOwner.json().error.code).toBe('LAST_OWNER');
    const self = await admin.patch(`/api/v1/orgs/${orgId}/members/${adminMemberId}`, { status: 'inactive' });
    expect(self.json().error.code).toBe('CANNOT_DEACTIVATE_SELF');

    await owner.patch(`/api/v1/orgs/${orgId}/members/${adminMemberId}`, { role: 'owner' });
    const nowOk = await owner.patch(`/api/v1/orgs/${orgId}/members/${ownerMember.id}`, { role: 'admin' });
    expect(nowOk.statusCode).toBe(200);
  });
});
