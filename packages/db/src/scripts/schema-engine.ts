// Loads Prisma's schema engine compiled to WebAssembly (the native one cannot be downloaded
// on closed networks). Only the development script that writes migrations uses it.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";

const require = createRequire(import.meta.url);

export async function loadSchemaEngine(schema: string, adapter: object): Promise<SchemaEngine> {
  const packageDir = path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
  const bindings = await import(path.join(packageDir, "schema_engine_bg.js"));
  const wasmBytes = await readFile(path.join(packageDir, "schema_engine_bg.wasm"));
  // Node has WebAssembly at run time; this package's types leave out the DOM library that declares it.
  const { instance } = await (globalThis as unknown as WasmGlobal).WebAssembly.instantiate(wasmBytes, {
    "./schema_engine_bg.js": bindings,
  });
  bindings.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  const log = (message: string) => {
    if (process.env.DEBUG) console.error(message);
  };
  return bindings.SchemaEngine.new(
    { datamodels: [["schema.prisma", schema]] },
    log,
    adapter,
  ) as Promise<SchemaEngine>;
}

interface WasmGlobal {
  WebAssembly: {
    instantiate(
      bytes: Uint8Array,
      imports: Record<string, unknown>,
    ): Promise<{ instance: { exports: Record<string, unknown> } }>;
  };
}
