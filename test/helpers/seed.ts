import { readFileSync } from "fs";
import * as path from "path";
import { BUILTIN_RESOLUTION } from "../../src/core/builtin";
import type { Resolution } from "../../src/core/model";
import { printPdf } from "./tools";

/** The seed resolution's text, as the repository keeps it. */
export const SEED_TEXT = readFileSync(
  path.join(__dirname, "../fixtures/seed/nghi-quyet-2022-phuong-tran-phu.txt"),
  "utf8",
);

/** The reading itself: sections and indicators, title, organisation, year (line numbers differ by format). */
export const reading = (r: Resolution) => ({
  title: r.title,
  organization: r.organization,
  year: r.year,
  sections: r.sections.map((s) => ({ ...s, indicators: s.indicators.map(({ line: _l, ...i }) => i) })),
  warnings: r.warnings.map((w) => w.reason),
});

/** The seed printed by Chromium on A4, as e-office systems export a text PDF; returns the PDF's path. */
export function printSeedPdf(): string {
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  const body = SEED_TEXT.split("\n")
    .map((l) => `<p>${l.trim() ? esc(l) : "&nbsp;"}</p>`)
    .join("");
  return printPdf(
    `<!doctype html><meta charset="utf-8"><style>@page{size:A4;margin:2cm}body{font:13pt "Liberation Serif"}p{margin:0 0 4pt}</style>${body}`,
  );
}

/**
 * The built-in resolution read again after its clause "Kết nạp đảng viên" (I.2.a) was removed: the
 * reader letters I.2.b and I.2.c as a and b, so old Mã now name other indicators.
 */
export const WITHOUT_I2A: Resolution = {
  ...BUILTIN_RESOLUTION,
  sections: BUILTIN_RESOLUTION.sections.map((sec) =>
    sec.id !== "I"
      ? sec
      : {
          ...sec,
          indicators: sec.indicators
            .filter((i) => i.id !== "I.2.a")
            .map((i) => (i.id === "I.2.b" ? { ...i, id: "I.2.a" } : i.id === "I.2.c" ? { ...i, id: "I.2.b" } : i)),
        },
  ),
};
