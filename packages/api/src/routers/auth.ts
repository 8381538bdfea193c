import { displayNameSchema } from "@hashiya/annotation-schema";
import { hashPassword, passwordWeakness } from "@hashiya/auth/password";
import { Prisma } from "@hashiya/db";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { appError, publicProcedure } from "../trpc";

export const signUpInput = z.object({
  // Sanitised like comment bodies: no controls, no text-direction tricks (annotation-schema).
  name: displayNameSchema,
  email: z
    .email()
    .max(254)
    .transform((email) => email.toLowerCase()),
  password: z.string().min(1).max(1000),
  locale: z.enum(["ar", "en"]).default("ar"),
});

export const authRouter = {
  signUp: publicProcedure.input(signUpInput).mutation(async ({ ctx, input }) => {
    const weakness = passwordWeakness(input.password, input.email);
    if (weakness) throw appError("BAD_REQUEST", `auth.weak_password.${weakness}`);
    try {
      const user = await ctx.db.user.create({
        data: {
          name: input.name,
          email: input.email,
          locale: input.locale,
          passwordHash: await hashPassword(input.password),
        },
        select: { id: true },
      });
      return user;
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
        throw appError("CONFLICT", "auth.email_taken");
      }
      throw error;
    }
  }),
} satisfies TRPCRouterRecord;
