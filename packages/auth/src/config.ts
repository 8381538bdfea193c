import { db } from "@hashiya/db";
import type { DefaultSession, NextAuthConfig } from "next-auth";
import type { JWT } from "next-auth/jwt";
import { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { hashPassword, verifyPassword } from "./password";

export type Locale = "ar" | "en";

declare module "next-auth" {
  interface User {
    isAdmin?: boolean;
    locale?: string;
  }
  interface Session {
    user: {
      id: string;
      isAdmin: boolean;
      locale: Locale;
    } & DefaultSession["user"];
  }
}

/**
 * Sign-in refused. One code for a wrong email and a wrong password alike, so the form never
 * tells a stranger which addresses have accounts. The code ends up in the redirect URL and
 * maps to the `auth.wrong_password` sentence in the API's error catalogue.
 */
export class WrongPasswordError extends CredentialsSignin {
  override code = "wrong_password";
}

const credentialsSchema = z.object({
  email: z.string().trim().min(3).max(254),
  password: z.string().min(1).max(1000),
});

// Verifying against a real hash when the email is unknown keeps the answer's timing the same
// as for a known email with a wrong password.
let decoyHash: Promise<string> | undefined;
function decoy(): Promise<string> {
  decoyHash ??= hashPassword("decoy password that matches no account");
  return decoyHash;
}

function toLocale(value: unknown): Locale {
  return value === "en" ? "en" : "ar";
}

/**
 * Refreshes the token's name, admin flag and language from the account; false when the
 * session must end (the account is gone or deleted, or its sessions were ended after this one
 * signed in).
 */
async function currentAccount(token: JWT): Promise<boolean> {
  if (typeof token.id !== "string") return false;
  const account = await db.user.findUnique({
    where: { id: token.id },
    select: { name: true, isAdmin: true, locale: true, deletedAt: true, sessionsValidFrom: true },
  });
  if (!account || account.deletedAt) return false;
  // Tokens from before this check existed carry no sign-in time: they count as the oldest.
  const signedInAt = typeof token.signedInAt === "number" ? token.signedInAt : 0;
  if (account.sessionsValidFrom && signedInAt < account.sessionsValidFrom.getTime()) return false;
  token.name = account.name;
  token.isAdmin = account.isAdmin;
  token.locale = toLocale(account.locale);
  return true;
}

export const authConfig: NextAuthConfig = {
  session: { strategy: "jwt" },
  logger: {
    // A refused password is an answer, not a server fault: keep it out of the error log.
    error(error) {
      if (error instanceof CredentialsSignin) return;
      console.error(error);
    },
  },
  pages: { signIn: "/sign-in" },
  providers: [
    Credentials({
      credentials: {
        email: { type: "email", label: "Email" },
        password: { type: "password", label: "Password" },
      },
      async authorize(raw) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) throw new WrongPasswordError();
        const email = parsed.data.email.toLowerCase();
        const user = await db.user.findUnique({
          where: { email },
          select: {
            id: true,
            name: true,
            email: true,
            passwordHash: true,
            isAdmin: true,
            locale: true,
            deletedAt: true,
          },
        });
        const ok = await verifyPassword(
          user?.passwordHash ?? (await decoy()),
          parsed.data.password,
        );
        // A deleted account has no password left; refused explicitly all the same.
        if (!user?.passwordHash || !ok || user.deletedAt) throw new WrongPasswordError();
        return {
          id: user.id,
          name: user.name,
          email: user.email,
          isAdmin: user.isAdmin,
          locale: user.locale,
        };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      // `user` is only there right after sign-in; later calls carry the token forward.
      if (user?.id) {
        token.id = user.id;
        token.isAdmin = user.isAdmin === true;
        token.locale = toLocale(user.locale);
        token.signedInAt = Date.now();
        return token;
      }
      // Every later read checks the account as it is now: a deleted account, a password
      // changed since this sign-in, or a withdrawn admin right ends or changes the session at
      // once, not when the token expires. Returning null clears the cookie.
      return (await currentAccount(token)) ? token : null;
    },
    session({ session, token }) {
      const id = typeof token.id === "string" ? token.id : (token.sub ?? "");
      return {
        ...session,
        user: {
          ...session.user,
          id,
          isAdmin: token.isAdmin === true,
          locale: toLocale(token.locale),
        },
      };
    },
  },
};
