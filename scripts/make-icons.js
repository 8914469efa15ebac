// Draws the add-in icons (assets/icon-*.png): a green rounded tile with a white tick over a
// rising bar. Run `node scripts/make-icons.js` after changing the design; the PNGs are committed.
"use strict";
const fs = require("fs");
const path = require("path");
const { PNG } = require("pngjs");

const GREEN = [30, 123, 52];
const AMBER = [255, 235, 156];
const SS = 8; // supersampling per axis

function inRoundedRect(x, y, size, r) {
  const cx = Math.min(Math.max(x, r), size - r);
  const cy = Math.min(Math.max(y, r), size - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function distToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Colour of the design at a point in unit coordinates (0..1), or null for transparent. */
function sample(u, v) {
  if (!inRoundedRect(u, v, 1, 0.18)) return null;
  // Bars of a small chart along the bottom.
  const bars = [
    [0.2, 0.3, 0.7],
    [0.4, 0.5, 0.6],
    [0.6, 0.7, 0.5],
  ];
  for (const [x0, x1, top] of bars) if (u >= x0 && u <= x1 && v >= top && v <= 0.84) return AMBER;
  const tick = [
    [0.2, 0.42],
    [0.4, 0.6],
    [0.8, 0.18],
  ];
  const d = Math.min(distToSegment(u, v, tick[0], tick[1]), distToSegment(u, v, tick[1], tick[2]));
  if (d <= 0.075) return [255, 255, 255];
  return GREEN;
}

for (const size of [16, 32, 64, 80, 128]) {
  const png = new PNG({ width: size, height: size });
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < SS; sy++)
        for (let sx = 0; sx < SS; sx++) {
          const c = sample((x + (sx + 0.5) / SS) / size, (y + (sy + 0.5) / SS) / size);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          a++;
        }
      const i = (y * size + x) * 4;
      png.data[i] = a ? Math.round(r / a) : 0;
      png.data[i + 1] = a ? Math.round(g / a) : 0;
      png.data[i + 2] = a ? Math.round(b / a) : 0;
      png.data[i + 3] = Math.round((255 * a) / (SS * SS));
    }
  fs.writeFileSync(path.join(__dirname, "..", "assets", `icon-${size}.png`), PNG.sync.write(png));
}
