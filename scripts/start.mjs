// npm start: builds the PWA when its build is missing or older than its sources, then runs the
// server (which migrates, seeds the demo organisation on first run and serves everything).
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const dist = join(root, "client", "dist");
const stampFile = join(dist, ".source-hash");
const sources = [
  "client/src",
  "client/public",
  "client/index.html",
  "client/vite.config.ts",
  "client/package.json",
  "service-worker/src",
  "shared-schema/src",
  "package-lock.json",
];

function* filesUnder(path) {
  if (!existsSync(path)) return;
  if (statSync(path).isFile()) {
    yield path;
    return;
  }
  for (const entry of readdirSync(path, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name === "node_modules" || entry.name.endsWith(".test.ts")) continue;
    yield* filesUnder(join(path, entry.name));
  }
}

/** A hash of every source the build reads, so a stale build is noticed whatever the file times say. */
function sourceHash() {
  const hash = createHash("sha256");
  for (const source of sources) {
    for (const file of filesUnder(join(root, source))) {
      hash.update(relative(root, file));
      hash.update(readFileSync(file));
    }
  }
  return hash.digest("hex");
}

const wanted = sourceHash();
const built = existsSync(stampFile) ? readFileSync(stampFile, "utf8").trim() : "";
if (built !== wanted || !existsSync(join(dist, "index.html"))) {
  process.stderr.write(built ? "Sources changed: rebuilding the web app...\n" : "Building the web app...\n");
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const build = spawnSync(npm, ["run", "build", "-w", "@worktrackr/client"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) {
    process.stderr.write("worktrackr: the web app failed to build (see above).\n");
    process.exit(build.status ?? 1);
  }
  writeFileSync(stampFile, `${wanted}\n`);
}

// Resolved here, so the server starts whatever directory npm start is run from.
const tsxLoader = import.meta.resolve("tsx");
const server = spawn(process.execPath, ["--import", tsxLoader, join(root, "sync-server/src/main.ts")], {
  cwd: process.cwd(),
  stdio: "inherit",
  env: process.env,
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
