/** Runs once when the server starts: refuse to start with a wrong configuration. */
export async function register(): Promise<void> {
  // biome-ignore lint/style/noProcessEnv: Next.js names the runtime only here.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    // Imported here so that the Node-only code stays out of the Edge bundle.
    const { checkEnvOrExit } = await import("./server/check-env");
    await checkEnvOrExit();
  }
}
