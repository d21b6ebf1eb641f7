import {
  createInvitationBodySchema,
  createOrgBodySchema,
  invitationPreviewSchema,
  invitationSchema,
  invitationSignUpBodySchema,
  memberSchema,
  membershipSchema,
  meSchema,
  orgSchema,
  updateMemberBodySchema,
  updateOrgBodySchema,
} from '@piloto/contracts';
import { fromNodeHeaders } from 'better-auth/node';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Auth } from '../../platform/auth.ts';
import type { InvitationsService } from './invitations.ts';
import type { OrgsService } from './service.ts';

const orgParams = z.object({ orgId: z.string() });
const tags = ['Empresas e equipe'];

export function registerOrgsRoutes(
  fastify: FastifyInstance,
  deps: { orgs: OrgsService; invitations: InvitationsService; auth: Auth },
): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { orgs, invitations, auth } = deps;

  app.get('/api/v1/me', {
    config: { access: 'user' },
    schema: { tags, summary: 'Quem sou eu e de quais empresas participo', response: { 200: meSchema } },
    handler: (request) => orgs.getMe(request.auth!.user.id),
  });

  app.post('/api/v1/orgs', {
    config: { access: 'user' },
    schema: {
      tags,
      summary: 'Criar empresa (quem cria vira proprietário)',
      body: createOrgBodySchema,
      response: { 201: orgSchema },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await orgs.createOrg(request.auth!.user.id, request.body)),
  });

  app.get('/api/v1/orgs/:orgId', {
    config: { access: { minRole: 'seller' } },
    schema: { tags, params: orgParams, response: { 200: orgSchema } },
    handler: (request) => orgs.getOrg(request.member!.orgId),
  });

  app.patch('/api/v1/orgs/:orgId', {
    config: { access: { minRole: 'admin' } },
    schema: {
      tags,
      summary: 'Configurações da empresa',
      params: orgParams,
      body: updateOrgBodySchema,
      response: { 200: orgSchema },
    },
    handler: (request) => orgs.updateOrg(request.member!.orgId, request.body),
  });

  app.get('/api/v1/orgs/:orgId/members', {
    config: { access: { minRole: 'admin' } },
    schema: { tags, params: orgParams, response: { 200: z.object({ members: z.array(memberSchema) }) } },
    handler: async (request) => ({ members: await orgs.listMembers(request.member!.orgId) }),
  });

  app.patch('/api/v1/orgs/:orgId/members/:memberId', {
    config: { access: { minRole: 'admin' } },
    schema: {
      tags,
      summary: 'Mudar papel ou desativar/reativar um membro',
      params: orgParams.extend({ memberId: z.uuid() }),
      body: updateMemberBodySchema,
      response: { 200: memberSchema },
    },
    handler: (request) => orgs.updateMember(request.member!, request.params.memberId, request.body),
  });

  app.get('/api/v1/orgs/:orgId/invitations', {
    config: { access: { minRole: 'admin' } },
    schema: {
      tags,
      params: orgParams,
      response: { 200: z.object({ invitations: z.array(invitationSchema) }) },
    },
    handler: async (request) => ({ invitations: await invitations.list(request.member!.orgId) }),
  });

  app.post('/api/v1/orgs/:orgId/invitations', {
    config: { access: { minRole: 'admin' } },
    schema: {
      tags,
      summary: 'Convidar por e-mail',
      params: orgParams,
      body: createInvitationBodySchema,
      response: { 201: invitationSchema },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await invitations.create(request.member!, request.body)),
  });

  const invitationParams = orgParams.extend({ invitationId: z.uuid() });

  app.post('/api/v1/orgs/:orgId/invitations/:invitationId/resend', {
    config: { access: { minRole: 'admin' } },
    schema: { tags, params: invitationParams, response: { 200: invitationSchema } },
    handler: (request) => invitations.resend(request.member!, request.params.invitationId),
  });

  app.delete('/api/v1/orgs/:orgId/invitations/:invitationId', {
    config: { access: { minRole: 'admin' } },
    schema: { tags, params: invitationParams },
    handler: async (request, reply) => {
      await invitations.revoke(request.member!, request.params.invitationId);
      return reply.status(204).send();
    },
  });

  // Any malformed token is simply an unknown invitation (404), not a validation error.
  const tokenParams = z.object({ token: z.string().max(200) });

  app.get('/api/v1/invitations/:token', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'Dados públicos de um convite',
      params: tokenParams,
      response: { 200: invitationPreviewSchema },
    },
    handler: (request) => invitations.preview(request.params.token),
  });

  app.post('/api/v1/invitations/:token/accept', {
    config: { access: 'user' },
    schema: {
      tags,
      summary: 'Aceitar convite com a conta atual',
      params: tokenParams,
      response: { 200: membershipSchema },
    },
    handler: (request) => invitations.accept(request.params.token, request.auth!.user),
  });

  app.post('/api/v1/invitations/:token/sign-up', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'Criar conta pelo convite e entrar',
      params: tokenParams,
      body: invitationSignUpBodySchema,
      response: { 201: membershipSchema },
    },
    handler: async (request, reply) => {
      const email = await invitations.emailForSignUp(request.params.token);
      const ctx = await auth.$context;
      // The invitation link proved the address, so the account starts verified.
      const user = await ctx.internalAdapter.createUser(
        { email, name: request.body.name, emailVerified: true },
        { method: 'email-password' },
      );
      await ctx.internalAdapter.linkAccount({
        userId: user.id,
        providerId: 'credential',
        accountId: user.id,
        password: await ctx.password.hash(request.body.password),
      });
      const membership = await invitations.accept(request.params.token, user);
      const headers = fromNodeHeaders(request.headers);
      headers.set('x-forwarded-for', request.ip);
      const signIn = await auth.api.signInEmail({
        body: { email, password: request.body.password },
        headers,
        asResponse: true,
      });
      const cookies = signIn.headers.getSetCookie();
      if (cookies.length) reply.header('set-cookie', cookies);
      return reply.status(201).send(membership);
    },
  });
}
