import multipart from '@fastify/multipart';
import { stockVoiceBodySchema, voicePreviewBodySchema, voiceSchema } from '@piloto/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, badRequest } from '../../platform/errors.ts';
import type { VoicesService } from './voices/voices.ts';

const tags = ['Vozes'];
const org = z.object({ orgId: z.string() });
const admin = { access: { minRole: 'admin' as const } };
const MAX_SAMPLE_BYTES = 10 * 1024 * 1024;

export function registerMediaRoutes(fastify: FastifyInstance, deps: { voices: VoicesService }): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { voices } = deps;
  const P = '/api/v1/orgs/:orgId/voices';
  const voiceParams = org.extend({ voiceId: z.uuid() });

  app.get(P, {
    config: admin,
    schema: { tags, params: org, response: { 200: z.object({ voices: z.array(voiceSchema) }) } },
    handler: async (request) => ({ voices: await voices.list(request.member!.orgId) }),
  });
  app.post(`${P}/stock`, {
    config: admin,
    schema: {
      tags,
      summary: 'Usar uma voz pronta da OpenAI',
      params: org,
      body: stockVoiceBodySchema,
      response: { 201: voiceSchema },
    },
    handler: async (request, reply) => {
      const { orgId, memberId } = request.member!;
      return reply.status(201).send(await voices.addStock(orgId, memberId, request.body));
    },
  });
  fastify.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: MAX_SAMPLE_BYTES, files: 10, fields: 10 } });
    scope.withTypeProvider<ZodTypeProvider>().post(P, {
      config: admin,
      schema: {
        tags,
        summary: 'Clonar uma voz (ElevenLabs): campos name, speakerName, consent=true e arquivos "samples"',
        params: org,
        response: { 201: voiceSchema },
      },
      handler: async (request, reply) => {
        if (!request.isMultipart())
          throw badRequest('MULTIPART_REQUIRED', 'Envie as gravações como multipart/form-data');
        const fields: Record<string, string> = {};
        const samples: Array<{ bytes: Buffer; fileName: string; mimeType: string }> = [];
        try {
          for await (const part of request.parts()) {
            if (part.type === 'file') {
              const bytes = await part.toBuffer();
              if (bytes.length)
                samples.push({ bytes, fileName: part.filename || 'amostra', mimeType: part.mimetype });
            } else {
              fields[part.fieldname] = String(part.value);
            }
          }
        } catch (error) {
          if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
            throw new AppError(413, 'PAYLOAD_TOO_LARGE', 'Cada gravação pode ter até 10 MB');
          throw error;
        }
        const parsed = z
          .object({
            name: z.string().trim().min(2, 'Dê um nome à voz').max(80),
            speakerName: z.string().trim().min(2, 'Informe de quem é a voz').max(120),
            consent: z.literal('true', { error: 'Registre o consentimento da pessoa dona da voz' }),
          })
          .safeParse(fields);
        if (!parsed.success) {
          const details = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
          throw badRequest('VALIDATION_ERROR', details[0].message, { fields: details });
        }
        const { orgId, memberId } = request.member!;
        const voice = await voices.clone(orgId, memberId, {
          name: parsed.data.name,
          speakerName: parsed.data.speakerName,
          consent: true,
          samples,
        });
        return reply.status(201).send(voice);
      },
    });
  });
  app.delete(`${P}/:voiceId`, {
    config: admin,
    schema: { tags, params: voiceParams },
    handler: async (request, reply) => {
      await voices.remove(request.member!.orgId, request.params.voiceId);
      return reply.status(204).send();
    },
  });
  app.post(`${P}/:voiceId/preview`, {
    config: admin,
    schema: { tags, summary: 'Ouvir a voz (OGG/Opus)', params: voiceParams, body: voicePreviewBodySchema },
    handler: async (request, reply) => {
      const spoken = await voices.preview(request.member!.orgId, request.params.voiceId, request.body.text);
      return reply
        .header('content-type', spoken.mimeType)
        .header('cache-control', 'no-store')
        .send(spoken.bytes);
    },
  });
}
