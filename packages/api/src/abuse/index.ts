// Abuse control for the web app's handlers: write budgets, the request size cap, sign-in
// failures. The tRPC middleware that spends the budgets is in ../trpc.ts.
export { type BudgetName, chargesFor, rateBudgets } from "./budgets";
export { clientAddressOf } from "./client-address";
export {
  createRateLimits,
  type RateLimits,
  type RateLimitsOptions,
  type Verdict,
} from "./rate-limits";
export {
  limitRequestBody,
  MAX_REQUEST_BYTES,
  maxBodyBytesFor,
  trpcPathsOf,
} from "./request-body";
export { retryAfterMeta } from "./retry-after";
export { signInAttempts } from "./sign-in";
