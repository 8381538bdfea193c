export {
  createTestDatabase,
  dropLeftoverTestDatabases,
  ensureTemplateDatabase,
  testServerUrl,
  type TestDatabase,
} from "./test-database";
