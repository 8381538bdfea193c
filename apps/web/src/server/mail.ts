import { createMailer, setMailer } from "@hashiya/api";
import { env } from "~/env";

const holder = globalThis as typeof globalThis & { hashiyaMailConfigured?: boolean };

/**
 * Points the API's mail hook at the configured SMTP server (or, without SMTP_URL, the log),
 * once per process; links in messages use the site's address (AUTH_URL).
 */
export function configureMail(): void {
  if (holder.hashiyaMailConfigured) return;
  holder.hashiyaMailConfigured = true;
  setMailer(
    createMailer({
      smtpUrl: env.SMTP_URL,
      from: env.MAIL_FROM,
      appUrl: env.AUTH_URL ?? "http://localhost:3000",
    }),
  );
}
