import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.js";

describe("configuration", () => {
  it("runs with no settings at all on an embedded database in ./data on port 8787", () => {
    const config = loadConfig({});
    expect(config.port).toBe(8787);
    expect(config.database).toEqual({ kind: "pglite", dataDir: "./data" });
    expect(config.seedDemo).toBe(true);
  });

  it("uses PostgreSQL when DATABASE_URL is set, and seeds no demo data there unless asked", () => {
    const config = loadConfig({ DATABASE_URL: "postgres://u@db:5432/worktrackr" });
    expect(config.database).toMatchObject({ kind: "postgres", url: "postgres://u@db:5432/worktrackr" });
    expect(config.seedDemo).toBe(false);
    expect(loadConfig({ DATABASE_URL: "postgres://u@db/w", SEED_DEMO: "true" }).seedDemo).toBe(true);
  });

  it("names the setting and the reason in one line when a value is wrong", () => {
    expect(() => loadConfig({ PORT: "eighty" })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: "eighty" })).toThrow(/^PORT: .+ \(got "eighty"\)$/);
    expect(() => loadConfig({ DATABASE_URL: "mysql://x@y/z" })).toThrow(
      /^DATABASE_URL: must be a postgres:\/\/ or postgresql:\/\/ URL/,
    );
  });

  it("never echoes a password from a wrong DATABASE_URL", () => {
    expect(() => loadConfig({ DATABASE_URL: "mysql://app:hunter2@db/x" })).toThrow(/app:\*\*\*@/);
    expect(() => loadConfig({ DATABASE_URL: "mysql://app:hunter2@db/x" })).not.toThrow(/hunter2/);
  });

  it("treats an empty variable as unset", () => {
    expect(loadConfig({ DATABASE_URL: "", PORT: "" }).database.kind).toBe("pglite");
  });
});
