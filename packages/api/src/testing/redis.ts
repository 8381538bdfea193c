import { randomBytes } from "node:crypto";

/** The Redis the tests use: TEST_REDIS_URL, else the one on this machine and in CI. */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

/** A key prefix of its own per test run, so runs sharing one Redis never see each other's counts. */
export const uniqueKeyPrefix = (label: string) => `test-${label}-${randomBytes(6).toString("hex")}`;
