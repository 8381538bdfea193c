import type { RouterInputs, RouterOutputs } from "@hashiya/api";
import { TRPCClientError } from "@trpc/client";
import SuperJSON from "superjson";

export type CreateTextInput = RouterInputs["text"]["create"];
export type CreatedText = RouterOutputs["text"]["create"];

/**
 * `text.create` through a plain XMLHttpRequest, which (unlike fetch) reports how much of the
 * request body has gone out, so a large upload shows its progress. Same endpoint, same
 * serialisation and the same errors (a TRPCClientError with the API's appCode) as the client.
 */
export function createTextWithProgress(
  input: CreateTextInput,
  onProgress: (fraction: number) => void,
): Promise<CreatedText> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", "/api/trpc/text.create");
    request.setRequestHeader("content-type", "application/json");
    request.setRequestHeader("x-trpc-source", "nextjs-react");
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    request.onerror = () => reject(new TypeError("network error"));
    request.onload = () => {
      let body: { result?: { data: unknown }; error?: unknown };
      try {
        body = JSON.parse(request.responseText);
      } catch {
        reject(new Error(`unexpected response ${request.status}`));
        return;
      }
      if (body.result) {
        onProgress(1);
        resolve(SuperJSON.deserialize(body.result.data as never) as CreatedText);
      } else {
        const error = SuperJSON.deserialize(body.error as never) as object;
        reject(TRPCClientError.from({ error } as never));
      }
    };
    request.send(JSON.stringify(SuperJSON.serialize(input)));
  });
}
