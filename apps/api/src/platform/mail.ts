import { desc, eq } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { mailLog } from '../db/schema/index.ts';
import type { Jobs } from './jobs.ts';

export type MailMessage = { to: string; subject: string; text: string; html: string };

export type Mailer = {
  /** Records the mail and queues its delivery (retried by the job runner). */
  send(message: MailMessage): Promise<string>;
  /** The job handler: delivers one recorded mail through SMTP, or to the dev mailbox. */
  deliver(mailId: string): Promise<void>;
  listDevMailbox(limit?: number): Promise<Array<typeof mailLog.$inferSelect>>;
};

export const MAIL_QUEUE = 'mail.send';

export function createMailer(deps: { config: Config; db: Db; jobs: Jobs; logger: Logger }): Mailer {
  const { config, db, jobs, logger } = deps;
  const transport = config.SMTP_URL ? nodemailer.createTransport(config.SMTP_URL) : undefined;

  return {
    async send(message) {
      const [row] = await db
        .insert(mailLog)
        .values({ ...message, transport: transport ? 'smtp' : 'dev', status: 'queued' })
        .returning({ id: mailLog.id });
      await jobs.send(MAIL_QUEUE, { mailId: row.id });
      return row.id;
    },

    async deliver(mailId) {
      const [mail] = await db.select().from(mailLog).where(eq(mailLog.id, mailId));
      if (!mail || mail.status === 'sent') return;
      if (!transport && config.isProduction) {
        // Never print links with tokens to a production log.
        logger.error({ mailId, to: mail.to }, 'SMTP_URL não configurado: e-mail não enviado');
        await db
          .update(mailLog)
          .set({ status: 'failed', error: 'SMTP_URL não configurado' })
          .where(eq(mailLog.id, mailId));
        return;
      }
      if (!transport) {
        logger.info(
          { mailId, subject: mail.subject },
          `e-mail (sem SMTP) — veja em ${config.appUrl}/dev/emails`,
        );
        logger.info(`\n--- e-mail para ${mail.to}: ${mail.subject}\n${mail.text}\n---`);
        await db.update(mailLog).set({ status: 'sent' }).where(eq(mailLog.id, mailId));
        return;
      }
      try {
        await transport.sendMail({
          from: config.MAIL_FROM,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
        });
        await db.update(mailLog).set({ status: 'sent', error: null }).where(eq(mailLog.id, mailId));
      } catch (error) {
        await db
          .update(mailLog)
          .set({ status: 'failed', error: (error as Error).message })
          .where(eq(mailLog.id, mailId));
        throw error; // the job runner retries with backoff
      }
    },

    listDevMailbox: (limit = 100) => db.select().from(mailLog).orderBy(desc(mailLog.createdAt)).limit(limit),
  };
}
