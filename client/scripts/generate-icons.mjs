// Writes the PWA icons as PNGs with node:zlib only, so regenerating them needs no image tool.
// A white "W" stroke on the brand sky-blue square.
// Run: node client/scripts/generate-icons.mjs
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

const BRAND = [0x0e, 0xa5, 0xe9];
const WHITE = [0xff, 0xff, 0xff];

// All coordinates are in a 512-unit design box and scaled to the output size.
const W_POINTS = [
  [120, 156],
  [184, 356],
  [256, 204],
  [328, 356],
  [392, 156],
];
const STROKE_WIDTH = 56;
const CORNER_RADIUS = 112;
// Four-by-four supersampling is enough to keep the diagonal edges smooth at 192 px.
const SAMPLES = 4;

const outDir = new URL("../public/icons/", import.meta.url);

const crcTable = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function distanceToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function insideRoundedSquare(x, y, radius) {
  const cx = Math.min(Math.max(x, radius), 512 - radius);
  const cy = Math.min(Math.max(y, radius), 512 - radius);
  return Math.hypot(x - cx, y - cy) <= radius;
}

/** Renders the mark; `markScale` shrinks the W around the centre, `cornerRadius` 0 makes the background full-bleed. */
function render(size, { markScale, cornerRadius }) {
  const rgba = Buffer.alloc(size * size * 4);
  const unit = 512 / size;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let background = 0;
      let mark = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SAMPLES) * unit;
          const y = (py + (sy + 0.5) / SAMPLES) * unit;
          if (!insideRoundedSquare(x, y, cornerRadius)) continue;
          background++;
          // Undo the scale so the stroke is tested in design units.
          const mx = 256 + (x - 256) / markScale;
          const my = 256 + (y - 256) / markScale;
          let nearest = Number.POSITIVE_INFINITY;
          for (let i = 0; i < W_POINTS.length - 1; i++) {
            nearest = Math.min(nearest, distanceToSegment(mx, my, W_POINTS[i], W_POINTS[i + 1]));
          }
          if (nearest <= STROKE_WIDTH / 2) mark++;
        }
      }
      const total = SAMPLES * SAMPLES;
      const markShare = background === 0 ? 0 : mark / background;
      const offset = (py * size + px) * 4;
      for (let c = 0; c < 3; c++) {
        rgba[offset + c] = Math.round(BRAND[c] * (1 - markShare) + WHITE[c] * markShare);
      }
      rgba[offset + 3] = Math.round((background / total) * 255);
    }
  }
  return encodePng(size, rgba);
}

const icons = [
  // "any" icons keep their own rounded corners, so the corners are transparent.
  { file: "icon-192.png", size: 192, markScale: 1, cornerRadius: CORNER_RADIUS },
  { file: "icon-512.png", size: 512, markScale: 1, cornerRadius: CORNER_RADIUS },
  // Maskable icons are cropped by the platform: full-bleed colour, mark kept well inside the 40% safe circle.
  { file: "icon-maskable-512.png", size: 512, markScale: 0.8, cornerRadius: 0 },
  // iOS rounds the corners itself and shows transparency as black.
  { file: "apple-touch-icon-180.png", size: 180, markScale: 0.9, cornerRadius: 0 },
];

for (const { file, size, markScale, cornerRadius } of icons) {
  const png = render(size, { markScale, cornerRadius });
  writeFileSync(new URL(file, outDir), png);
  process.stdout.write(`${file}: ${size}x${size}, ${png.length} bytes\n`);
}
