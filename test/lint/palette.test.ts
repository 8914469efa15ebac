import { readFileSync, readdirSync } from "fs";
import * as path from "path";
import { PANE_COLORS, SHEET_COLORS, STATUS_COLORS } from "../../src/core/palette";

/** Colours come from core/palette.ts: a hex colour anywhere else under src/ fails here. */
const SRC = path.join(__dirname, "../../src");

/** "#9C0006", "#fff", and exceljs's ARGB "FF9C0006". */
const HEX_RE = /#(?:[0-9a-f]{3}){1,2}(?![0-9a-z])|(?<![0-9a-z])FF[0-9A-F]{6}(?![0-9a-z])/giu;

/**
 * Files that may hold a colour, and the only colours each may hold. taskpane.html shows its
 * "loading" line before any script runs, so it cannot import the palette: it may only repeat it.
 */
const ALLOWED: Record<string, string[] | "owner"> = {
  "core/palette.ts": "owner",
  "taskpane/taskpane.html": [PANE_COLORS.muted],
};

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );
}
const rel = (f: string) => path.relative(SRC, f).split(path.sep).join("/");
const hexes = (text: string) => [...text.matchAll(HEX_RE)].map((m) => m[0]);

describe("one palette", () => {
  test("the detector finds fills, fonts and ARGB colours, not error values or ids", () => {
    expect(hexes('{ fill: "#FFF2CC", color: "#a4262c", argb: "FF8EA9DB" }')).toEqual([
      "#FFF2CC",
      "#a4262c",
      "FF8EA9DB",
    ]);
    expect(hexes('"#N/A", "#DIV/0!", "#REF!", "#root", "#1", "OFFSET"')).toEqual([]);
  });

  test.each(files(SRC).map((f) => [rel(f), f]))("%s", (name, file) => {
    const allowed = ALLOWED[name];
    if (allowed === "owner") return;
    const found = hexes(readFileSync(file, "utf8"));
    expect(found.filter((h) => !(allowed ?? []).includes(h.toLowerCase()))).toEqual([]);
  });

  test("the palette's colours are hex colours, and every status has a fill and a font", () => {
    const all = [
      ...Object.values(STATUS_COLORS).flatMap((c) => [c.fill, c.font]),
      ...Object.values(SHEET_COLORS),
      ...Object.values(PANE_COLORS),
    ];
    for (const c of all) expect(c).toMatch(/^#[0-9a-f]{6}$/iu);
  });
});
