// npm run size: what a first visit downloads before the first paint (the entry script, the
// chunks it preloads and the CSS), gzipped, against the 200 kB budget. Run after a build.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const dist = process.argv[2] ?? fileURLToPath(new URL("../client/dist", import.meta.url));
const budget = 200 * 1024;
const html = readFileSync(join(dist, "index.html"), "utf8");
const assets = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
let total = 0;
for (const asset of new Set(assets)) {
  const size = gzipSync(readFileSync(join(dist, asset))).length;
  total += size;
  process.stdout.write(`${(size / 1024).toFixed(1).padStart(8)} kB  ${asset}\n`);
}
process.stdout.write(
  `${(total / 1024).toFixed(1).padStart(8)} kB  first route, gzipped (budget ${budget / 1024} kB: ${((100 * total) / budget).toFixed(0)}%)\n`,
);
if (total > budget) process.exitCode = 1;
