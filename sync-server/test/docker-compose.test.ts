import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadConfig, settingNames } from "../src/config/config.js";

const root = fileURLToPath(new URL("../../", import.meta.url));

interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile: string };
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  volumes?: string[];
}

// No Docker engine runs on CI machines, so the compose file is checked by reading it.
describe("docker-compose.yml", async () => {
  const compose = parse(await readFile(`${root}docker-compose.yml`, "utf8")) as {
    services: Record<string, ComposeService>;
  };
  const { postgres, mailpit } = compose.services;
  const server = compose.services["sync-server"];

  it("sets only environment names the server's configuration schema knows", () => {
    const names = Object.keys(server?.environment ?? {});
    expect(names.length).toBeGreaterThan(3);
    expect(names.filter((n) => !settingNames.includes(n))).toEqual([]);
  });

  it("sets values the server's configuration accepts", () => {
    const config = loadConfig(server?.environment ?? {});
    expect(config.database.kind).toBe("postgres");
  });

  it("runs PostgreSQL 16 with a volume and a health check the server waits for, and Mailpit", () => {
    expect(postgres?.image).toMatch(/^postgres:16/);
    expect(postgres?.volumes?.length).toBeGreaterThan(0);
    expect(postgres?.healthcheck?.test.join(" ")).toContain("pg_isready");
    expect(server?.depends_on?.postgres?.condition).toBe("service_healthy");
    expect(mailpit?.image).toMatch(/mailpit/);
    expect(server?.environment?.SMTP_HOST).toBe("mailpit");
  });

  it("builds the server from a multi-stage Dockerfile that runs as a non-root user", async () => {
    const dockerfile = await readFile(`${root}${server?.build?.dockerfile}`, "utf8");
    expect(dockerfile.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(2);
    expect(dockerfile).toMatch(/^USER node$/m);
  });
});
