import { hashiyaVitestConfig } from "@hashiya/vitest-config";

export default hashiyaVitestConfig();
