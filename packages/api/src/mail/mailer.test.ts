import { describe, expect, it } from "vitest";
import { createMailer, LOGGED_MAIL_PREFIX } from "./mailer";

describe("createMailer without SMTP", () => {
  it("writes each message to the log as one JSON line, link intact", async () => {
    const lines: string[] = [];
    const mailer = createMailer({
      from: "Hashiya <no-reply@localhost>",
      appUrl: "http://localhost:3000/",
      log: (line) => lines.push(line),
    });
    expect(mailer.appUrl).toBe("http://localhost:3000");
    const link = `${mailer.appUrl}/reset-password?token=${"x".repeat(43)}`;
    await mailer.send({
      to: "سارة@example.test",
      subject: "رابط",
      text: `افتح:\n${link}`,
      locale: "ar",
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]!.startsWith(`${LOGGED_MAIL_PREFIX} `)).toBe(true);
    const logged = JSON.parse(lines[0]!.slice(LOGGED_MAIL_PREFIX.length + 1));
    expect(logged).toEqual({ to: "سارة@example.test", subject: "رابط", text: `افتح:\n${link}` });
  });
});
