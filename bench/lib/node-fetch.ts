// `fetch` for the P1 poster over node:http with kept-alive sockets. Node's own fetch (undici)
// spends a millisecond or two of JavaScript on each request and answer — far more than a
// browser's native fetch — and on the poster's side of the clock that was timed as the
// server's delay (measured: 5.1 ms from the call to the server's route handler).
import http from "node:http";

const agent = new http.Agent({ keepAlive: true });

export const nodeFetch: typeof fetch = (input, init) =>
  new Promise((resolve, reject) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((value, name) => {
      headers[name] = value;
    });
    const body = init?.body === undefined || init.body === null ? undefined : String(init.body);
    if (body !== undefined) headers["content-length"] = String(Buffer.byteLength(body));
    const request = http.request(
      url,
      { method: init?.method ?? "GET", headers, agent },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          const answer = new Headers();
          for (const [name, value] of Object.entries(response.headers)) {
            if (value !== undefined)
              answer.set(name, Array.isArray(value) ? value.join(", ") : value);
          }
          resolve(
            new Response(Buffer.concat(chunks), { status: response.statusCode, headers: answer }),
          );
        });
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    init?.signal?.addEventListener("abort", () => request.destroy(new Error("aborted")));
    request.end(body);
  });
