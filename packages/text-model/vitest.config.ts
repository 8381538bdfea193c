import { hashiyaVitestConfig } from "@hashiya/vitest-config";

// The evaluation and property tests are CPU-bound; one worker is kinder to a 2-core machine.
export default hashiyaVitestConfig({ maxWorkers: 1 });
