export { type App, createApp } from "./app.js";
export { type Config, ConfigError, loadConfig, settingNames } from "./config/config.js";
export type { Db, Tx } from "./db/db.js";
export { openDatabase, StartupError } from "./db/open.js";
export { demoLogins, seedDemo } from "./demo/seed.js";
export { type RunningServer, startServer } from "./start-server.js";
export { type TenantContext, withTenant } from "./tenancy/tenant-context.js";
