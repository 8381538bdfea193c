// Run as a child process by annotation-throughput.ts, so that generating the load is not in the
// same process as measuring the listeners: posts `annotation.create` through the web app's tRPC
// route over keep-alive HTTP, as many signed-in users (their session cookies), each within their
// per-user write budget, with a fixed number of requests in flight (a closed loop). Reports every
// request's latency and status.
import http from "node:http";
import SuperJSON from "superjson";
import { nowMs } from "./clock";

export interface LoadPlan {
  webUrl: string;
  textId: string;
  textLength: number;
  /** One session cookie per simulated user. */
  cookies: string[];
  /** Writes per user (within their budget). */
  perUser: number;
  /** Requests in flight at once. */
  concurrency: number;
  /** Distinguishes the bodies of this run from another's. */
  label: string;
  /** No request is started after this long (the run is bounded in time as well as in count). */
  maxSeconds: number;
}

export interface LoadReport {
  latenciesMs: number[];
  statuses: Record<string, number>;
  startedAt: number;
  endedAt: number;
  firstError: string | null;
}

export async function runLoad(plan: LoadPlan): Promise<LoadReport> {
  const url = new URL(`${plan.webUrl}/api/trpc/annotation.create`);
  const agent = new http.Agent({ keepAlive: true, maxSockets: plan.concurrency });
  // Round-robin over the users, so each user's writes are spread over the whole run.
  const jobs: { cookie: string; body: string }[] = [];
  for (let round = 0; round < plan.perUser; round++) {
    plan.cookies.forEach((cookie, user) => {
      const k = jobs.length;
      const start = (k * 7919) % Math.max(1, plan.textLength - 40);
      const input = {
        textId: plan.textId,
        textVersion: 1,
        start,
        end: start + 12 + (k % 20),
        body: {
          type: "doc",
          content: [
            {
              type: "paragraph",
              content: [
                {
                  type: "text",
                  text: `تعليق ${plan.label} ${user}.${round}: ما رأيكم في هذا المقطع؟`,
                },
              ],
            },
          ],
        },
        visibility: "course",
        isQuestion: k % 5 === 0,
        tags: k % 3 === 0 ? ["سؤال"] : [],
      };
      jobs.push({ cookie, body: JSON.stringify(SuperJSON.serialize(input)) });
    });
  }

  const latenciesMs: number[] = [];
  const statuses: Record<string, number> = {};
  let firstError: string | null = null;
  let next = 0;
  const post = (job: { cookie: string; body: string }) =>
    new Promise<{ status: number; text: string }>((resolve, reject) => {
      const request = http.request(
        url,
        {
          method: "POST",
          agent,
          headers: {
            "content-type": "application/json",
            "content-length": Buffer.byteLength(job.body),
            cookie: job.cookie,
          },
        },
        (response) => {
          let text = "";
          response.setEncoding("utf8");
          response.on("data", (chunk: string) => {
            text += chunk;
          });
          response.on("end", () => resolve({ status: response.statusCode ?? 0, text }));
          response.on("error", reject);
        },
      );
      request.on("error", reject);
      request.end(job.body);
    });

  const stopAt = nowMs() + plan.maxSeconds * 1000;
  const worker = async () => {
    while (next < jobs.length && nowMs() < stopAt) {
      const job = jobs[next++]!;
      const sentAt = nowMs();
      let status: string;
      try {
        const response = await post(job);
        status = String(response.status);
        if (response.status !== 200)
          firstError ??= `HTTP ${response.status}: ${response.text.slice(0, 300)}`;
      } catch (error) {
        status = "network";
        firstError ??= String(error);
      }
      latenciesMs.push(nowMs() - sentAt);
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
  };
  const startedAt = nowMs();
  await Promise.all(Array.from({ length: plan.concurrency }, worker));
  const endedAt = nowMs();
  agent.destroy();
  return { latenciesMs, statuses, startedAt, endedAt, firstError };
}

// As a child process: the plan arrives by message, the report goes back the same way.
if (process.send) {
  process.once("message", async (plan: LoadPlan) => {
    process.send!(await runLoad(plan), () => process.exit(0));
  });
}
