// The role matrix is complete: every procedure of the API is checked for every persona by an
// access-matrix file, and the collab server's websocket channel has its own rows.
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { coveredIn, MATRIX_FILE, procedurePaths } from "../testing/matrix";

const routers = fileURLToPath(new URL(".", import.meta.url));
const collabMatrix = fileURLToPath(
  new URL("../../../../apps/collab/src/access-matrix.test.ts", import.meta.url),
);

function matrixFiles(): Map<string, string> {
  const files = readdirSync(routers).filter((name) => MATRIX_FILE.test(name));
  return new Map(files.map((name) => [name, readFileSync(`${routers}/${name}`, "utf8")]));
}

describe("the access matrix", () => {
  it("has rows for every procedure of the API", () => {
    const known = [...procedurePaths().keys()];
    const covered = new Set<string>();
    for (const source of matrixFiles().values()) {
      for (const path of coveredIn(source, known)) covered.add(path);
    }
    const missing = known.filter((path) => !covered.has(path));
    expect(
      missing,
      `No access-matrix file checks ${missing.join(", ")} for every persona. Add rows (anonymous, ` +
        "non-member, student of another course, student, moderator, instructor, admin) in " +
        "packages/api/src/routers/access-matrix.<area>.test.ts.",
    ).toEqual([]);
  });

  it("names only procedures that exist", () => {
    const known = new Set(procedurePaths().keys());
    for (const [file, source] of matrixFiles()) {
      const declared = [...source.matchAll(/\bcovers\(([^)]*)\)/g)].flatMap((m) =>
        [...m[1]!.matchAll(/["'`]([\w.]+)["'`]/g)].map((literal) => literal[1]!),
      );
      expect(
        declared.filter((path) => !known.has(path)),
        file,
      ).toEqual([]);
    }
  });

  it("has rows for the collab server's websocket channel, for both kinds of document", () => {
    const source = readFileSync(collabMatrix, "utf8");
    expect(source).toMatch(/\ballPersonas\b/);
    for (const kind of ["text", "notes"]) expect(source).toContain(`"${kind}"`);
  });
});

describe("reading a matrix file", () => {
  const known = ["annotation.create", "annotation.list", "live.onTextEvent", "me.setLocale"];

  it("counts what the file calls over all personas, and what it declares", () => {
    const source = `
      import { allPersonas } from "../testing/personas";
      it.each(allPersonas)("x", (p) => caller(p).annotation.create({}));
      it.each(allPersonas)("y", (p) => client(p).live.onTextEvent.subscribe({}));
      covers("me.setLocale");`;
    expect([...coveredIn(source, known)].sort()).toEqual([
      "annotation.create",
      "live.onTextEvent",
      "me.setLocale",
    ]);
  });

  it("counts nothing in a file that does not run over every persona", () => {
    const source = `it.each(["student"])("x", (p) => caller(p).annotation.create({}));`;
    expect(coveredIn(source, known).size).toBe(0);
  });

  it("does not take a mention in a comment or a string for a call", () => {
    const source = `// annotation.list is read elsewhere
      const all = allPersonas; describe("annotation.list", () => {});`;
    expect(coveredIn(source, known).has("annotation.list")).toBe(false);
  });
});
