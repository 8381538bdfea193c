/** Loads the validated configuration; on a wrong one, prints the sentence and stops the server. */
export async function checkEnvOrExit(): Promise<void> {
  try {
    await import("~/env");
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
