import { expect, type Page } from "@playwright/test";

interface MailboxMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

/**
 * The newest email to an address in the server's development mailbox (/dev/mailbox, kept when no
 * SMTP server is configured), waiting for it to arrive.
 */
export async function latestEmailTo(page: Page, to: string, subject: RegExp): Promise<MailboxMessage> {
  let found: MailboxMessage | undefined;
  await expect
    .poll(async () => {
      const { messages } = (await (await page.request.get("/dev/mailbox/messages.json")).json()) as {
        messages: MailboxMessage[];
      };
      found = messages.find((m) => m.to === to && subject.test(m.subject));
      return found !== undefined;
    })
    .toBe(true);
  if (!found) throw new Error(`no email to ${to}`);
  return found;
}

/** The one link in an email's text that leads to a path of the app. */
export function linkIn(message: MailboxMessage, path: string): string {
  const link = message.text.match(new RegExp(`https?://\\S+${path}\\?token=[\\w-]+`))?.[0];
  if (!link) throw new Error(`no ${path} link in "${message.subject}"`);
  return link;
}
