import { hasRole, type Role } from '@piloto/contracts';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../db/client.ts';
import { members } from '../db/schema/index.ts';
import { type Auth, getSession, type SessionData } from './auth.ts';
import { AppError, forbidden, notFound, unauthorized } from './errors.ts';

/**
 * Who may call a route, declared on every API route (`config: { access }`):
 * - 'public': anyone (webhooks authenticate themselves);
 * - 'user': any signed-in person;
 * - { minRole }: an active member of the company in the `:orgId` path with at least that role.
 */
export type Access = 'public' | 'user' | { minRole: Role };

export type MemberContext = { memberId: string; orgId: string; userId: string; role: Role };

export type RegisteredRoute = { method: string; url: string; access: Access };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    auth?: SessionData;
    member?: MemberContext;
  }
  interface FastifyInstance {
    /** Every /api/v1 route with who may call it (the tenant-isolation test walks this list). */
    apiRoutes: RegisteredRoute[];
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every /api/v1 route must say who may call it; a company route must carry :orgId. Checked at start. */
export function assertRouteAccess(url: string, access: Access | undefined): void {
  if (!url.startsWith('/api/v1')) return;
  if (!access) throw new Error(`route ${url} does not declare config.access`);
  if (typeof access === 'object' && !url.includes(':orgId')) {
    throw new Error(`route ${url} requires a company role but has no :orgId parameter`);
  }
}

export function registerTenancy(app: FastifyInstance, deps: { auth: Auth; db: Db }): void {
  const apiRoutes: RegisteredRoute[] = [];
  app.decorate('apiRoutes', apiRoutes);
  app.addHook('onRoute', (route) => {
    assertRouteAccess(route.url, route.config?.access);
    if (!route.url.startsWith('/api/v1') || !route.config?.access) return;
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') apiRoutes.push({ method, url: route.url, access: route.config.access });
    }
  });

  // preValidation: a stranger learns nothing about another company's data, not even validation errors.
  app.addHook('preValidation', async (request) => {
    const access = request.routeOptions.config.access;
    if (!access || access === 'public') return;
    const session = await getSession(deps.auth, request);
    if (!session) throw unauthorized();
    request.auth = session;
    if (access === 'user') return;
    request.member = await requireMember(deps.db, request, session.user.id, access.minRole);
  });
}

async function requireMember(
  db: Db,
  request: FastifyRequest,
  userId: string,
  minRole: Role,
): Promise<MemberContext> {
  const orgId = (request.params as { orgId?: string }).orgId ?? '';
  if (!UUID.test(orgId)) throw notFound('Empresa não encontrada');
  const [row] = await db
    .select({ id: members.id, role: members.role, status: members.status })
    .from(members)
    .where(and(eq(members.orgId, orgId), eq(members.userId, userId)));
  if (!row) throw notFound('Empresa não encontrada');
  if (row.status !== 'active')
    throw new AppError(403, 'MEMBER_INACTIVE', 'Seu acesso a esta empresa foi desativado');
  if (!hasRole(row.role, minRole)) throw forbidden('Esta área é restrita a administradores da empresa');
  return { memberId: row.id, orgId, userId, role: row.role };
}
