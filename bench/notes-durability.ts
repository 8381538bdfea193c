// P6: the time from a shared-notes edit to its being durable in PostgreSQL. The collab server
// stores each update before acknowledging it, so the time to the acknowledgement is the time to
// durability; each sample also checks that the update is in the database at that moment.
import { signCollabToken } from "@hashiya/auth/collab-token";
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import WebSocket from "ws";
import * as Y from "yjs";
import { arabicBook } from "./lib/arabic-book";
import { nowMs } from "./lib/clock";
import { createFixture } from "./lib/fixture";
import { short, summarise } from "./lib/report";
import { startBenchStack } from "./lib/stack";

const EDITS = short ? 20 : 500;

const fixture = await createFixture({ label: "bench_p6", paragraphs: arabicBook(500), members: 1 });
const stack = await startBenchStack(fixture.database.url);
const member = fixture.members[0]!;
const documentName = `notes:${fixture.textId}`;
const token = await signCollabToken({ userId: member.id, name: member.name }, stack.authSecret);
// A browser-like client: the collab server accepts websockets from the web app's origin only.
class WebAppWebSocket extends WebSocket {
  constructor(address: string | URL, protocols?: string | string[]) {
    super(address, protocols, { origin: stack.webUrl });
  }
}
const socket = new HocuspocusProviderWebsocket({
  url: `ws://127.0.0.1:${stack.collabPort}`,
  WebSocketPolyfill: WebAppWebSocket,
});
const document = new Y.Doc();
const provider = new HocuspocusProvider({
  websocketProvider: socket,
  name: documentName,
  document,
  token,
});
provider.attach();

const acknowledged = () =>
  new Promise<void>((resolve) => {
    const check = () => {
      if (provider.unsyncedChanges === 0) {
        provider.off("unsyncedChanges", check);
        resolve();
      }
    };
    provider.on("unsyncedChanges", check);
    check();
  });

/** The notes as PostgreSQL holds them now: every stored update applied to a new document. */
async function storedText(): Promise<string> {
  const rows = await fixture.database.db.collabUpdate.findMany({
    where: { documentName },
    orderBy: { id: "asc" },
    select: { update: true },
  });
  const replay = new Y.Doc();
  for (const row of rows) Y.applyUpdate(replay, row.update);
  return replay.getText("bench").toString();
}

try {
  await new Promise<void>((resolve, reject) => {
    provider.on("synced", () => resolve());
    provider.on("authenticationFailed", ({ reason }: { reason: string }) =>
      reject(new Error(reason)),
    );
  });
  const notes = document.getText("bench");
  const samples: number[] = [];
  for (let k = 0; k < EDITS; k++) {
    const editedAt = nowMs();
    const words = `ملاحظة ${k} `;
    notes.insert(notes.length, words);
    await acknowledged();
    samples.push(nowMs() - editedAt);
    // The stored updates, replayed into a new document, hold the edit (compaction may have
    // merged rows meanwhile: counting them proves nothing).
    if (!(await storedText()).endsWith(words))
      throw new Error(`edit ${k} was acknowledged before it was stored`);
  }
  console.log(summarise(`P6 notes edit → durable in PostgreSQL (${EDITS} edits)`, samples));
} finally {
  provider.destroy();
  socket.destroy();
  await stack.stop();
  await fixture.database.drop();
}
