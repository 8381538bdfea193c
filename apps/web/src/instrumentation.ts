/** Runs once when the server starts: refuse to start with a wrong configuration, warm up. */
export async function register(): Promise<void> {
  // biome-ignore lint/style/noProcessEnv: Next.js names the runtime only here.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    // Imported here so that the Node-only code stays out of the Edge bundle.
    const { checkEnvOrExit } = await import("./server/check-env");
    await checkEnvOrExit();
    // Not while building (no database then), and not awaited: the server listens meanwhile.
    // biome-ignore lint/style/noProcessEnv: Next.js names its phase only here.
    if (process.env.NEXT_PHASE === "phase-production-build") return;
    void import("./server/warm-up")
      .then(({ warmUp }) => warmUp())
      .catch((error: unknown) => console.error("[warm-up]", error));
  }
}
