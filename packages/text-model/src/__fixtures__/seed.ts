import { readFileSync } from "node:fs";

/** The raw seed essay (nine lines of Arabic prose), as bytes. Test-only: reads a file. */
export const seedBytes: Uint8Array = readFileSync(new URL("./seed.ar.txt", import.meta.url));
