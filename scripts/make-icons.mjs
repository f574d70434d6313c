// Draws the two icons the Azure DevOps extension needs, as PNG files with no image library:
// images/extension-icon.png (128×128, the Marketplace tile) and images/task-icon.png (32×32, shown
// beside the task; packaged as MLOps/icon.png). The picture: a rising line of three points, the
// metric going up, white on the project's blue, on a rounded tile.
//
//   node scripts/make-icons.mjs
//
// The output depends only on this script (no timestamps in the PNGs), so rerunning it changes nothing.
import { mkdir, rename, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync } from "node:zlib";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const BLUE = [0x1f, 0x6f, 0xeb];
const WHITE = [0xff, 0xff, 0xff];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** An RGBA PNG from a function giving each pixel's [r, g, b, a]. */
function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    const row = y * (size * 4 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < size; x++) raw.set(pixel(x, y), row + 1 + x * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Distance from point p to the segment a–b. */
function segmentDistance(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function icon(size) {
  const s = size / 128; // drawn on a 128 grid, scaled
  const radius = 24 * s;
  const points = [
    [28, 92],
    [58, 62],
    [78, 76],
    [102, 38],
  ].map(([x, y]) => [x * s, y * s]);
  const line = Math.max(1.5, 9 * s) / 2;
  const dot = Math.max(2, 11 * s);
  // 4×4 samples a pixel: smooth edges without an anti-aliasing library.
  const coverage = (x, y, inside) => {
    let n = 0;
    for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) if (inside(x + (i + 0.5) / 4, y + (j + 0.5) / 4)) n++;
    return n / 16;
  };
  const inTile = (x, y) => {
    const cx = Math.min(Math.max(x, radius), size - radius);
    const cy = Math.min(Math.max(y, radius), size - radius);
    return Math.hypot(x - cx, y - cy) <= radius;
  };
  const inMark = (x, y) =>
    points.slice(1).some((p, i) => segmentDistance(x, y, points[i], p) <= line) ||
    [points[0], points[points.length - 1]].some(([px, py]) => Math.hypot(x - px, y - py) <= dot / 2 + line / 2);
  return png(size, (x, y) => {
    const tile = coverage(x, y, inTile);
    if (tile === 0) return [0, 0, 0, 0];
    const mark = coverage(x, y, inMark);
    const rgb = BLUE.map((b, k) => Math.round(b + (WHITE[k] - b) * mark));
    return [...rgb, Math.round(255 * tile)];
  });
}

for (const [path, size] of [
  ["images/extension-icon.png", 128],
  ["images/task-icon.png", 32],
]) {
  const full = join(root, path);
  await mkdir(dirname(full), { recursive: true });
  await writeFile(`${full}.tmp`, icon(size));
  await rename(`${full}.tmp`, full);
  process.stdout.write(`${path}: ${size}×${size}\n`);
}
