import { describe, expect, it } from "vitest";
import { ConfigError, loadEnv } from "./env";

const valid = {
  AUTH_SECRET: "a-secret-of-at-least-thirty-two-characters",
  DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/hashiya",
};

function problems(env: Record<string, string | undefined>): string {
  try {
    loadEnv(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).message;
  }
  throw new Error("the configuration was accepted");
}

describe("configuration", () => {
  it("fills in the defaults", () => {
    expect(loadEnv(valid)).toMatchObject({
      COLLAB_PORT: 1234,
      COLLAB_HOST: "127.0.0.1",
      COLLAB_MAX_MESSAGE_BYTES: 512 * 1024,
      COLLAB_ALLOWED_ORIGINS: ["http://localhost:3000"],
      COLLAB_ALLOW_MISSING_ORIGIN: false,
    });
  });

  it("allows the web app's origin by default, and the listed origins when given", () => {
    expect(
      loadEnv({ ...valid, COLLAB_PUBLIC_WEB_URL: "https://hashiya.example/" })
        .COLLAB_ALLOWED_ORIGINS,
    ).toEqual(["https://hashiya.example"]);
    const env = loadEnv({
      ...valid,
      COLLAB_PUBLIC_WEB_URL: "https://hashiya.example",
      COLLAB_ALLOWED_ORIGINS:
        "https://hashiya.example, http://localhost:3000/ ,https://Staging.Hashiya.example:443",
      COLLAB_ALLOW_MISSING_ORIGIN: "true",
    });
    expect(env.COLLAB_ALLOWED_ORIGINS).toEqual([
      "https://hashiya.example",
      "http://localhost:3000",
      "https://staging.hashiya.example",
    ]);
    expect(env.COLLAB_ALLOW_MISSING_ORIGIN).toBe(true);
  });

  it("reads numbers from their strings", () => {
    const env = loadEnv({ ...valid, COLLAB_PORT: "0", COLLAB_MAX_MESSAGE_BYTES: "65536" });
    expect(env.COLLAB_PORT).toBe(0);
    expect(env.COLLAB_MAX_MESSAGE_BYTES).toBe(65536);
  });

  it.each([
    [{ AUTH_SECRET: undefined }, /AUTH_SECRET is not set/],
    [{ AUTH_SECRET: "" }, /AUTH_SECRET is not set/],
    [{ AUTH_SECRET: "short" }, /AUTH_SECRET is too short: it must be at least 32 characters/],
    [{ DATABASE_URL: undefined }, /DATABASE_URL is not set/],
    [{ DATABASE_URL: "mysql://db/hashiya" }, /DATABASE_URL must be a postgresql:\/\/ URL/],
    [{ COLLAB_PORT: "http" }, /COLLAB_PORT must be a port number from 0 to 65535\./],
    [{ COLLAB_PORT: "70000" }, /COLLAB_PORT must be a port number/],
    [{ COLLAB_PORT: "12.5" }, /COLLAB_PORT must be a port number/],
    [{ COLLAB_HOST: "local host" }, /COLLAB_HOST must be a host name or IP address/],
    [
      { COLLAB_MAX_MESSAGE_BYTES: "10" },
      /COLLAB_MAX_MESSAGE_BYTES must be a whole number of bytes/,
    ],
    [{ COLLAB_ALLOWED_ORIGINS: "*" }, /COLLAB_ALLOWED_ORIGINS must be a comma-separated list/],
    [
      { COLLAB_ALLOWED_ORIGINS: "https://a.example,https://b.example/app" },
      /COLLAB_ALLOWED_ORIGINS must be a comma-separated list of web origins/,
    ],
    [{ COLLAB_ALLOWED_ORIGINS: "ws://a.example" }, /COLLAB_ALLOWED_ORIGINS must be/],
    [{ COLLAB_PUBLIC_WEB_URL: "hashiya.example" }, /COLLAB_PUBLIC_WEB_URL must be the web app's/],
    [{ COLLAB_ALLOW_MISSING_ORIGIN: "yes" }, /COLLAB_ALLOW_MISSING_ORIGIN must be true or false\./],
  ])("refuses %j with a sentence naming it", (change, sentence) => {
    const message = problems({ ...valid, ...change });
    expect(message).toMatch(/^The collab server cannot start\. /);
    expect(message).toMatch(sentence);
  });

  it("names every wrong variable at once", () => {
    const message = problems({ COLLAB_PORT: "x" });
    expect(message).toContain("AUTH_SECRET");
    expect(message).toContain("DATABASE_URL");
    expect(message).toContain("COLLAB_PORT");
  });
});
