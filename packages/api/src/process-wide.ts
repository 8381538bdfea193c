// Next.js may load a module more than once in one process: the app router's and the pages
// router's bundles (apps/web: /api/trpc and /api/live) each instantiate the workspace packages.
// State that must be one per process (what writers share with live streams, caches) lives
// here, once per process, under a name.

const holder = globalThis as typeof globalThis & { hashiyaProcessWide?: Map<string, unknown> };

/** The process's one value named `name`, made by `create` on first use. */
export function processWide<T>(name: string, create: () => T): T {
  holder.hashiyaProcessWide ??= new Map();
  if (!holder.hashiyaProcessWide.has(name)) holder.hashiyaProcessWide.set(name, create());
  return holder.hashiyaProcessWide.get(name) as T;
}
