import nodemailer from "nodemailer";

/** A message as the app composes it; the transport adds the sender. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** The recipient's language, for `Content-Language` and the text direction of the HTML. */
  locale: "ar" | "en";
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  /** The site's public address, for links in messages (no trailing slash). */
  readonly appUrl: string;
}

export interface MailerConfig {
  /** smtp:// or smtps:// URL; without one (development) each message is written to the log. */
  smtpUrl?: string;
  /** The From header, e.g. `"Hashiya <no-reply@example.org>"`. */
  from: string;
  appUrl: string;
  /** Where the development transport writes messages (default: console.info). */
  log?: (line: string) => void;
}

/** The prefix of a logged message's line, so people and tests can find it in the server log. */
export const LOGGED_MAIL_PREFIX = "[mail]";

/**
 * Sends through nodemailer: SMTP when configured, else nodemailer's JSON transport, whose
 * result is the whole message, written to the log as one line (the development "inbox").
 */
export function createMailer(config: MailerConfig): Mailer {
  const appUrl = config.appUrl.replace(/\/+$/, "");
  const log = config.log ?? ((line: string) => console.info(line));
  const transport = config.smtpUrl
    ? nodemailer.createTransport(config.smtpUrl)
    : nodemailer.createTransport({ jsonTransport: true });
  return {
    appUrl,
    async send(mail) {
      await transport.sendMail({
        from: config.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        headers: { "Content-Language": mail.locale },
      });
      // One JSON line per message: readable, and a script can pick a link out of the log.
      if (!config.smtpUrl) {
        const { to, subject, text } = mail;
        log(`${LOGGED_MAIL_PREFIX} ${JSON.stringify({ to, subject, text })}`);
      }
    },
  };
}

// The process's mailer. Mail is a process-wide side channel (like the log), set once at
// start-up by the app; until then messages go to the log with a placeholder site address.
// Kept on globalThis: Next.js may load this module more than once in one process.
const holder = globalThis as typeof globalThis & { hashiyaMailer?: Mailer };

/** Sets the process's mailer (the web app at start-up; tests with their own SMTP server). */
export function setMailer(mailer: Mailer): void {
  holder.hashiyaMailer = mailer;
}

export function currentMailer(): Mailer {
  holder.hashiyaMailer ??= createMailer({
    from: "Hashiya <no-reply@localhost>",
    appUrl: "http://localhost:3000",
  });
  return holder.hashiyaMailer;
}
