import { describe, expect, it } from "vitest";
import { CollabTokenError, signCollabToken, verifyCollabToken } from "./collab-token";

const secret = "a-test-secret-of-enough-length-0123456789";
const identity = { userId: "user_1", name: "ليلى" };

async function reason(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "accepted";
  } catch (error) {
    return error instanceof CollabTokenError ? error.reason : `unexpected: ${error}`;
  }
}

describe("collab token", () => {
  it("carries the identity it was signed with", async () => {
    const token = await signCollabToken(identity, secret);
    await expect(verifyCollabToken(token, secret)).resolves.toEqual(identity);
  });

  it("refuses a missing token", async () => {
    expect(await reason(verifyCollabToken("", secret))).toBe("missing");
    expect(await reason(verifyCollabToken(undefined, secret))).toBe("missing");
  });

  it("refuses an expired token", async () => {
    const token = await signCollabToken(identity, secret, {
      ttlSeconds: 60,
      now: new Date(Date.now() - 10 * 60_000),
    });
    expect(await reason(verifyCollabToken(token, secret))).toBe("expired");
  });

  it("refuses a token signed with another secret", async () => {
    const token = await signCollabToken(identity, "another-secret-of-enough-length-98765");
    expect(await reason(verifyCollabToken(token, secret))).toBe("invalid");
  });

  it("refuses a token whose payload was altered", async () => {
    const [header, , signature] = (await signCollabToken(identity, secret)).split(".");
    const forged = Buffer.from(JSON.stringify({ sub: "admin", name: "x", exp: 9999999999 })).toString("base64url");
    expect(await reason(verifyCollabToken(`${header}.${forged}.${signature}`, secret))).toBe("invalid");
  });

  it("refuses an unsigned token", async () => {
    const header = Buffer.from(JSON.stringify({ alg: "none" })).toString("base64url");
    const body = Buffer.from(JSON.stringify({ sub: "user_1", name: "x" })).toString("base64url");
    expect(await reason(verifyCollabToken(`${header}.${body}.`, secret))).toBe("invalid");
  });
});
