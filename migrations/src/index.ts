export {
  loadMigrations,
  type Migration,
  MigrationError,
  type MigrationResult,
  type MigrationTarget,
  type MigrationTransaction,
  migrate,
  migrationLockKey,
  type SqlTag,
} from "./runner.js";
