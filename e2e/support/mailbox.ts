/** Reads the dev mailbox (no SMTP configured) the way a developer would, through its API. */
export async function waitForMail(baseUrl: string, to: string, subject: RegExp, timeoutMs = 15_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await fetch(`${baseUrl}/api/v1/dev/mails`);
    const { mails } = (await res.json()) as { mails: Array<{ to: string; subject: string; text: string }> };
    const mail = mails.find((m) => m.to === to && subject.test(m.subject));
    if (mail) return { ...mail, link: mail.text.match(/https?:\/\/\S+/)?.[0] ?? '' };
    if (Date.now() > until) throw new Error(`no e-mail to ${to} matching ${subject}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
