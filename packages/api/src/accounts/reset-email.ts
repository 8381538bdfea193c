import type { OutgoingMail } from "../mail/mailer";
import { RESET_TOKEN_TTL_MS } from "./reset-token";

const minutes = RESET_TOKEN_TTL_MS / 60_000;

/** The password-reset message, in the account's language. */
export function passwordResetMail(options: {
  to: string;
  locale: string;
  appUrl: string;
  token: string;
}): OutgoingMail {
  const link = `${options.appUrl}/reset-password?token=${encodeURIComponent(options.token)}`;
  if (options.locale === "en") {
    return {
      to: options.to,
      locale: "en",
      subject: "Choose a new password for Hashiya",
      text: [
        "Someone (we hope you) asked to reset the password of your Hashiya account.",
        `To choose a new one, open this link within ${minutes} minutes. It works once:`,
        link,
        "",
        "If you did not ask for this, ignore this message: your password stays as it is.",
      ].join("\n"),
    };
  }
  return {
    to: options.to,
    locale: "ar",
    subject: "اختر كلمة مرور جديدة لحسابك في حاشية",
    text: [
      "طلب أحدهم (ونرجو أن تكون أنت) إعادة تعيين كلمة مرور حسابك في حاشية.",
      `لاختيار كلمة مرور جديدة افتح هذا الرابط خلال ${minutes} دقيقة. يعمل الرابط مرة واحدة:`,
      link,
      "",
      "إن لم تطلب ذلك فتجاهل هذه الرسالة: تبقى كلمة مرورك كما هي.",
    ].join("\n"),
  };
}
