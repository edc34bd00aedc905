import { createTransport, type Transporter } from "nodemailer";
import type { Logger } from "pino";

export interface Email {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly fromName?: string;
}

export interface SentEmail extends Email {
  readonly id: number;
  readonly from: string;
  readonly sentAt: string;
}

/**
 * Sends email in the background: a request never waits on (or reveals, by its timing) an SMTP
 * conversation. Failures are logged with the recipient's domain only.
 */
export interface Mailer {
  send(email: Email): void;
  /** Resolves when every email queued so far has been handed over (tests, shutdown). */
  idle(): Promise<void>;
  /** The development mailbox, when no SMTP server is configured. */
  readonly devMailbox: DevMailbox | undefined;
}

/** Where email goes with no SMTP server configured: kept in memory, shown at /dev/mailbox. */
export class DevMailbox {
  readonly #messages: SentEmail[] = [];
  #nextId = 1;

  deliver(email: Email, from: string): void {
    this.#messages.unshift({ ...email, id: this.#nextId++, from, sentAt: new Date().toISOString() });
    this.#messages.splice(200);
  }

  messages(): readonly SentEmail[] {
    return this.#messages;
  }
}

export interface SmtpSettings {
  readonly host: string;
  readonly port: number;
  readonly user: string | undefined;
  readonly password: string | undefined;
  readonly from: string;
}

export function createMailer(smtp: SmtpSettings | undefined, defaultFrom: string, logger: Logger): Mailer {
  const devMailbox = smtp ? undefined : new DevMailbox();
  const transport: Transporter | undefined = smtp
    ? createTransport({
        host: smtp.host,
        port: smtp.port,
        // Implicit TLS on 465; elsewhere STARTTLS whenever the server offers it.
        secure: smtp.port === 465,
        ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.password ?? "" } } : {}),
        tls: { rejectUnauthorized: process.env.NODE_ENV === "production" },
      })
    : undefined;
  const from = smtp?.from ?? defaultFrom;
  const pending = new Set<Promise<void>>();

  const deliver = async (email: Email): Promise<void> => {
    const sender = email.fromName ? `"${email.fromName.replace(/"/g, "")}" <${from.replace(/^.*<|>.*$/g, "")}>` : from;
    if (!transport) {
      devMailbox?.deliver(email, sender);
      logger.info({ to: email.to, subject: email.subject }, "email kept in the development mailbox");
      return;
    }
    await transport.sendMail({
      from: sender,
      to: email.to,
      subject: email.subject,
      text: email.text,
      html: email.html,
    });
  };

  return {
    devMailbox,
    send(email) {
      const job = deliver(email)
        .catch((err: unknown) => {
          logger.error({ err, toDomain: email.to.split("@")[1], subject: email.subject }, "email could not be sent");
        })
        .finally(() => pending.delete(job));
      pending.add(job);
    },
    async idle() {
      await Promise.all([...pending]);
    },
  };
}
