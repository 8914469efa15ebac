import { promises as fs } from "fs";
import * as path from "path";
import { parseArgs } from "util";
import { BUILTIN_RESOLUTION } from "../core/builtin";
import { InputError, actualsFileFromJson, parseJson, resolutionFromText, type ActualsRead } from "../core/input";
import { mergeContent, type Content } from "../core/content";
import { capitalize } from "../core/text";
import { locateJsonError } from "../core/json-locate";
import { ResolutionTextError } from "../core/parser";
import { readTolerance } from "../core/tolerance";
import { allIndicators, type Indicator, type Resolution } from "../core/model";
import { figureFromCell } from "../core/judge";
import { PERIODS, PERIOD_INFO, PERIOD_KEYS_TEXT, YEAR, periodOf, type Period } from "../core/words";
import { DEFAULT_PERIODS } from "../workbook/layout";
import { jsonSchemas } from "./schema";
import type { CarryMode, YearProblem } from "../workbook/carry";

const PERIOD_CHOICE = PERIODS.join("|");
const USAGE = `Cách dùng: chitieu <lệnh> [tùy chọn]

Lệnh:
  parse <tệp.txt|.docx|.pdf|-> Đọc văn bản nghị quyết, in Resolution JSON
  workbook [--resolution <tệp.txt|tệp.json>] [--actuals <tệp.json>]
           [--tolerance <0..0,99|10%>] [--periods ${DEFAULT_PERIODS.join(",")}] [--from <sổ-cũ.xlsx>]
           [--previous <sổ-năm-trước.xlsx>] [--match <Mã cũ>=<Mã mới> ...] --out <tệp.xlsx>
                               Tạo sổ theo dõi chỉ tiêu (.xlsx); mặc định dùng
                               nghị quyết năm 2022 của phường Trần Phú và các kỳ
                               ${DEFAULT_PERIODS.map((p) => PERIOD_INFO[p].label).join(", ")} (--periods: ${PERIOD_KEYS_TEXT}); --from
                               chuyển số liệu, ghi chú, đánh giá lại, dung sai
                               từ sổ cũ cùng năm; --previous lấy số liệu của sổ
                               năm trước làm số liệu cùng kỳ; --match xác nhận
                               một cặp "có thể là cùng chỉ tiêu" (dùng nhiều lần được)
           [--assigned <tệp.txt|.docx|.pdf|.xlsx>] [--assigned-by tỉnh]
           [--assigned-match <số thứ tự>=<Mã> ...]
                               Chỉ tiêu cấp trên giao: khớp từng chỉ tiêu giao
                               với chỉ tiêu của nghị quyết theo nội dung; chỉ
                               tiêu không khớp thành phần “Chỉ tiêu <cấp> giao
                               khác” (cũng dùng được với evaluate, report)
  evaluate [--resolution <tệp>] --actuals <tệp.json> [--tolerance <0..0,99|10%>]
                               Đánh giá số liệu, in { "<mã>": { status, ratio } }
                               (theo kỳ ${PERIODS.join("/")} khi tệp có số liệu từng kỳ)
  report [--resolution <tệp>] --actuals <tệp.json> [--period ${PERIOD_CHOICE}]
                               In lời văn báo cáo kết quả thực hiện của kỳ
  schema                       In JSON Schema của Resolution và số liệu
`;

function toleranceOption(text: string): number {
  const t = readTolerance(text);
  if (!t.ok) throw new InputError(`--tolerance: ${t.message}`);
  return t.value;
}

/** Reads a file (or stdin for "-") as UTF-8 text; bad files become InputError. */
async function readBytes(file: string, what: string, stdin: () => Promise<Buffer>): Promise<Buffer> {
  let bytes: Buffer;
  if (file === "-") bytes = await stdin();
  else {
    try {
      const stat = await fs.stat(file);
      if (stat.isDirectory()) throw new InputError(`${what} "${file}" là một thư mục, không phải tệp.`);
      bytes = await fs.readFile(file);
    } catch (e) {
      if (e instanceof InputError) throw e;
      const code = (e as NodeJS.ErrnoException).code;
      throw new InputError(
        code === "ENOENT"
          ? `Không tìm thấy ${what} "${file}".`
          : `Không đọc được ${what} "${file}" (${code ?? "lỗi"}).`,
      );
    }
  }
  return bytes;
}

/** Above this a file is surely not one resolution (a seed is 6 KB); reading stays linear below it. */
const MAX_BYTES = 20 * 2 ** 20;

async function readText(file: string, what: string, stdin: () => Promise<Buffer>): Promise<string> {
  const bytes = await readBytes(file, what, stdin);
  return decodeText(bytes, file, what);
}

function decodeText(bytes: Buffer, file: string, what: string): string {
  if (bytes.length > MAX_BYTES)
    throw new InputError(`${what} "${file}" quá lớn (${Math.round(bytes.length / 2 ** 20)} MB; tối đa 20 MB).`);
  const utf16 = utf16Of(bytes);
  if (utf16) {
    try {
      return new TextDecoder(utf16, { fatal: true }).decode(bytes);
    } catch {
      throw new InputError(`${what} "${file}" không phải văn bản UTF-16 hợp lệ. Hãy lưu lại tệp với bảng mã UTF-8.`);
    }
  }
  if (bytes.includes(0)) throw new InputError(`${what} "${file}" không phải văn bản (có ký tự nhị phân).`);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(`${what} "${file}" không phải văn bản UTF-8. Hãy lưu lại tệp với bảng mã UTF-8.`);
  }
}

/**
 * UTF-16 text (Notepad's "Unicode", Excel's "Unicode Text"): by its byte order mark, or without one by
 * its zero bytes, which UTF-16 puts in every other place for spaces, digits and Latin letters.
 */
function utf16Of(bytes: Buffer): "utf-16le" | "utf-16be" | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  if (bytes.length < 4 || bytes.length % 2 !== 0) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < bytes.length; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = bytes.length / 2;
  if (odd >= pairs * 0.3 && even === 0) return "utf-16le";
  if (even >= pairs * 0.3 && odd === 0) return "utf-16be";
  return null;
}

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stdin: () => Promise<Buffer>;
}

const processIo: Io = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  stdin: async () => {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    return Buffer.concat(chunks);
  },
};

/** Resolution text from a .txt, .json, .docx or text .pdf file (recognised by content, not name). */
async function resolutionText(file: string, io: Io, what = "tệp nghị quyết"): Promise<string> {
  const bytes = await readBytes(file, what, io.stdin);
  const source = `${capitalize(what)} "${file}"`;
  const wrap = (e: unknown) => {
    if (e instanceof ResolutionTextError) throw new InputError(`${source}: ${e.message}`);
    throw e;
  };
  if (bytes.subarray(0, 4).toString("latin1") === "%PDF") {
    const { pdfText } = await import("../core/pdf");
    return pdfText(bytes).catch(wrap);
  }
  if (bytes.subarray(0, 2).toString("latin1") === "PK") {
    const { docxText } = await import("../core/docx");
    // A zip that is not a Word file, under another name, is just a binary file.
    return docxText(bytes).catch((e: unknown) => (/\.docx$/iu.test(file) ? wrap(e) : decodeText(bytes, file, what)));
  }
  return decodeText(bytes, file, what);
}

async function loadResolution(file: string | undefined, io: Io): Promise<Resolution> {
  if (!file) return BUILTIN_RESOLUTION;
  return resolutionFromText(await resolutionText(file, io), `Tệp nghị quyết "${file}"`, locateJsonError);
}

async function loadActuals(file: string, r: Resolution, io: Io): Promise<ActualsRead> {
  const source = `Tệp số liệu "${file}"`;
  const data = parseJson(await readText(file, "tệp số liệu", io.stdin), source, locateJsonError);
  const loaded = actualsFileFromJson(data, r, source);
  for (const hint of loaded.hints) io.stderr(`Cảnh báo: ${hint}\n`);
  return loaded;
}

/** A tracking workbook (.xlsx) read back: its sheet, or an InputError naming the file. */
async function readWorkbookFile(file: string, what: string) {
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(file);
  } catch (e) {
    throw new InputError(`Không đọc được ${what} "${file}" (${(e as NodeJS.ErrnoException).code ?? "lỗi"}).`);
  }
  const { readTrackingXlsx } = await import("../workbook/xlsx-read");
  const existing = await readTrackingXlsx(bytes).catch(() => {
    throw new InputError(`${capitalize(what)} "${file}" không phải tệp .xlsx đọc được.`);
  });
  if (!existing)
    throw new InputError(`${capitalize(what)} "${file}" không có sổ theo dõi (không thấy cột “Mã” và “Thực hiện”).`);
  return existing;
}

/** "--match II.3.b=II.3.a": an old row's Mã and the new Mã staff say it is. */
function matchOption(text: string): { from: string; to: string } {
  const m = /^\s*([^=\s]+)\s*=\s*([^=\s]+)\s*$/u.exec(text);
  if (!m) throw new InputError(`--match "${text}": cần dạng <Mã cũ>=<Mã mới>, ví dụ --match II.3.b=II.3.a.`);
  return { from: m[1]!, to: m[2]! };
}

/**
 * `--from old.xlsx`: figures, notes, assessments and the tolerance carried exactly as re-inserting
 * in Excel does (contentOverOld), with the newer sources merged over them; `--match` pairs confirmed.
 */
async function carryFrom(
  file: string,
  r: Resolution,
  io: Io,
  matches: string[],
  newer: (Content | null)[],
  mode: CarryMode = "same-year",
) {
  const last = mode === "previous-year";
  const existing = await readWorkbookFile(file, last ? "sổ năm trước" : "sổ cũ");
  const { contentOverOld, describeLeftBehind, describeMaybe, describeCounts, hasContent, yearProblem } =
    await import("../workbook/carry");
  const { sheetYear } = await import("../workbook/tracking-row");
  const oldYear = sheetYear(existing);
  const problem = yearProblem(mode, r.year, oldYear);
  if (problem) throw new InputError(yearMessage(problem, file));
  if (!last && (oldYear === null || r.year === null) && existing.rows.some(hasContent))
    io.stderr(
      `Lưu ý: không biết năm của ${oldYear === null ? `sổ cũ "${file}"` : "nghị quyết mới"}; coi sổ cũ là sổ cùng năm (--from). ` +
        `Nếu đó là sổ của năm trước, dùng --previous "${file}" để lấy số liệu làm cùng kỳ.\n`,
    );
  const ids = new Set(allIndicators(r).map((i) => i.id));
  const confirmed = matches.map(matchOption).map(({ from, to }) => {
    const row = existing.rows.find((x) => x.id === from)?.row;
    if (row === undefined) throw new InputError(`--match ${from}=${to}: sổ cũ không có dòng Mã ${from}.`);
    if (!ids.has(to)) throw new InputError(`--match ${from}=${to}: nghị quyết mới không có Mã ${to}.`);
    return { row, to };
  });
  const { carry, content, resolution } = contentOverOld(r, existing, newer, { confirmed, mode });
  const counts = describeCounts(carry.counts);
  io.stderr(
    `${last ? "Sổ năm trước" : "Sổ cũ"} "${file}" (sheet “${existing.name}”): ${
      counts
        ? `chuyển ${counts} (của ${carry.carried} chỉ tiêu)${last ? " vào các cột “Cùng kỳ”" : ""}`
        : `không chuyển được số liệu${last ? "" : ", ghi chú"} nào`
    }.\n`,
  );
  for (const m of carry.moved) io.stderr(`  Theo nội dung chỉ tiêu: ${m.from || "dòng không Mã"} → ${m.to}\n`);
  for (const n of carry.notices) io.stderr(`  Lưu ý: ${describeLeftBehind(n)}\n`);
  if (carry.maybe.length > 0) {
    io.stderr(
      `Có thể là cùng chỉ tiêu — chưa chuyển ${carry.maybe.length} cặp (xác nhận bằng --match <Mã cũ>=<Mã mới>):\n`,
    );
    for (const m of carry.maybe) io.stderr(`  - ${describeMaybe(m)}\n`);
  }
  if (carry.leftBehind.length > 0) {
    io.stderr(`Không chuyển ${carry.leftBehind.length} mục (vẫn nằm ở ${last ? "sổ năm trước" : "sổ cũ"}):\n`);
    for (const l of carry.leftBehind) io.stderr(`  - ${describeLeftBehind(l)}\n`);
  }
  const old = carry.oldTolerance;
  if (old && !old.ok) io.stderr(`Dung sai của sổ cũ không dùng được (${old.message}); không chuyển.\n`);
  return { content, periods: existing.periods, resolution };
}

/** Why an old workbook's year does not fit the flag, and the flag to use (interfaces.md). */
function yearMessage(p: YearProblem, file: string): string {
  switch (p.kind) {
    case "other-year":
      return (
        `Sổ cũ "${file}" là sổ năm ${p.oldYear}, nghị quyết mới là năm ${p.newYear}: --from chỉ chuyển số liệu trong cùng một năm. ` +
        `Để lấy số liệu năm ${p.oldYear} làm số liệu cùng kỳ của năm ${p.newYear}, dùng --previous "${file}".`
      );
    case "not-earlier":
      return p.oldYear === p.newYear
        ? `Sổ "${file}" là sổ năm ${p.oldYear}, cùng năm với nghị quyết: --previous cần sổ của năm trước (${p.newYear - 1}). Để chuyển số liệu của cùng năm, dùng --from "${file}".`
        : `Sổ "${file}" là sổ năm ${p.oldYear}, sau năm của nghị quyết (${p.newYear}): --previous cần sổ của năm trước (${p.newYear - 1}).`;
    case "unknown":
      return (
        `Không biết ${p.oldYear === null ? `năm của sổ "${file}" (ô bên cạnh “Năm” ở đầu sổ để trống)` : "năm của nghị quyết mới (tên nghị quyết không ghi năm)"}` +
        `, nên không biết sổ có phải của năm trước không. Ghi năm vào đó rồi chạy lại với --previous; nếu là sổ cùng năm, dùng --from "${file}".`
      );
  }
}

/** `report --from`: a tracking workbook read back as the pane reads it (its own resolution unless one is given). */
async function readBackFile(file: string, resolution: Resolution | null) {
  const existing = await readWorkbookFile(file, "sổ theo dõi");
  const { readBack } = await import("../workbook/tracking-row");
  const back = readBack(existing, resolution ?? BUILTIN_RESOLUTION);
  if (resolution) return { ...back, resolution };
  if (!back.own)
    throw new InputError(
      `Sổ "${file}" không đọc được chỉ tiêu của chính nó (${back.problems.map((p) => p.message).join("; ")}); hãy chỉ rõ --resolution.`,
    );
  return back;
}

/** "--assigned-match 2=II.3.a": the item (its number in the printed list) and the Mã staff say it is. */
function assignedMatchOption(text: string): { item: number; to: string } {
  const m = /^\s*(\d+)\s*=\s*([^=\s]+)\s*$/u.exec(text);
  if (!m)
    throw new InputError(`--assigned-match "${text}": cần dạng <số thứ tự>=<Mã>, ví dụ --assigned-match 2=III.1.`);
  return { item: Number(m[1]), to: m[2]! };
}

/**
 * `--assigned <file>`: the targets assigned from above (a list in .txt, .docx or text .pdf, or an
 * .xlsx table), matched to the indicators by identity (workbook/assigned.ts); prints what was
 * matched, the unsure pairs it left and the items that became indicators of their own.
 */
async function loadAssigned(
  file: string,
  r: Resolution,
  content: Content,
  io: Io,
  matches: string[],
): Promise<{ resolution: Resolution; content: Content }> {
  const { matchAssigned, describePair } = await import("../workbook/assigned");
  const { assignedItemsFromXlsx } = await import("../workbook/assigned-xlsx");
  const { assignedItemsFromText, addAssigned } = await import("../core/assigned");
  const { assignedByOf, assignedHeader, assignedSectionTitle } = await import("../core/assigned-words");
  const source = `Tệp chỉ tiêu giao "${file}"`;
  let items;
  if (/\.xlsx$/iu.test(file))
    items = await assignedItemsFromXlsx(await readBytes(file, "tệp chỉ tiêu giao", io.stdin), file);
  else {
    let read;
    try {
      read = assignedItemsFromText(await resolutionText(file, io, "tệp chỉ tiêu giao"));
    } catch (e) {
      if (e instanceof ResolutionTextError) throw new InputError(`${source}: ${e.message}`);
      throw e;
    }
    for (const p of read.problems) io.stderr(`Cảnh báo: ${source}, ${p}\n`);
    items = read.items;
  }
  if (items.length === 0) throw new InputError(`${source} không có chỉ tiêu nào đọc được.`);
  const by = assignedByOf(content);
  const match = matchAssigned(r, items, matches.map(assignedMatchOption));
  const added = addAssigned(r, content, match.list, by);
  if (added.problems.length > 0)
    throw new InputError(`${source}:\n${added.problems.map((p) => `  - ${p}`).join("\n")}`);
  io.stderr(`${assignedHeader(by)} (${source}): ${items.length} chỉ tiêu, khớp ${match.matched.length}.\n`);
  for (const p of match.matched) io.stderr(`  ${describePair(p)}\n`);
  if (match.maybe.length > 0) {
    io.stderr(
      `Có thể là cùng chỉ tiêu — chưa đưa vào ${match.maybe.length} cặp (xác nhận bằng --assigned-match <số thứ tự>=<Mã>):\n`,
    );
    for (const p of match.maybe) io.stderr(`  - ${describePair(p)}\n`);
  }
  if (match.extra.length > 0) {
    io.stderr(`Không khớp chỉ tiêu nào của nghị quyết — thêm vào phần “${assignedSectionTitle(by)}”:\n`);
    for (const x of match.extra) io.stderr(`  - “${x.text}” (${x.phrase})\n`);
  }
  return { resolution: added.resolution, content: added.content };
}

/** Writes next to the target and renames, so a failure never leaves a half-written file. */
async function writeAtomically(file: string, bytes: Uint8Array): Promise<void> {
  const dir = path.dirname(path.resolve(file));
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await fs.writeFile(tmp, bytes);
    await fs.rename(tmp, file);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(`Không ghi được tệp "${file}" (${code ?? "lỗi"}). Kiểm tra thư mục và quyền ghi.`);
  }
}

const VALUE_OPTIONS = [
  "--resolution",
  "--actuals",
  "--tolerance",
  "--out",
  "--from",
  "--previous",
  "--period",
  "--periods",
  "--match",
  "--assigned",
  "--assigned-by",
  "--assigned-match",
];

/** "--periods 6t,nam": known periods, each once, put in the year's order. */
function periodsOption(text: string): Period[] {
  const asked = text.split(/[,;\s]+/u).filter(Boolean);
  const unknown = asked.filter((p) => periodOf(p) === null);
  if (asked.length === 0 || unknown.length > 0)
    throw new InputError(
      `--periods "${text}": ${unknown.length > 0 ? `không có kỳ ${unknown.map((u) => `"${u}"`).join(", ")}` : "cần ít nhất một kỳ"}; các kỳ là ${PERIOD_KEYS_TEXT} (ví dụ --periods ${DEFAULT_PERIODS.join(",")}).`,
    );
  return PERIODS.filter((p) => asked.some((a) => periodOf(a) === p));
}

/** "--tolerance -0.1" is a value, not an option: parseArgs would call it ambiguous. */
function joinNegativeValues(args: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const next = args[i + 1];
    if (VALUE_OPTIONS.includes(a) && next !== undefined && /^-[\d.,]/u.test(next)) {
      out.push(`${a}=${next}`);
      i++;
    } else out.push(a);
  }
  return out;
}

/** parseArgs' English errors, said in Vietnamese. */
function argsMessage(e: unknown): string {
  const { code, message } = e as { code?: string; message?: string };
  const name = /'(-[^']*)'/u.exec(message ?? "")?.[1] ?? "";
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return `Không có tùy chọn "${name}".`;
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE")
    return `Tùy chọn "${name.split(" ")[0]}" cần một giá trị, ví dụ ${name.split(" ")[0]} <giá trị>.`;
  if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") return `Thừa đối số "${name}".`;
  return `Tùy chọn không hợp lệ (${String(message).split("\n")[0]}).`;
}

async function run(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === "--help" || command === "-h" || command === "help") {
    io.stdout(USAGE);
    return command ? 0 : 2;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: joinNegativeValues(rest),
      allowPositionals: true,
      options: {
        resolution: { type: "string" },
        actuals: { type: "string" },
        tolerance: { type: "string" },
        out: { type: "string" },
        from: { type: "string" },
        previous: { type: "string" },
        period: { type: "string" },
        periods: { type: "string" },
        match: { type: "string", multiple: true },
        assigned: { type: "string" },
        "assigned-by": { type: "string" },
        "assigned-match": { type: "string", multiple: true },
      },
    });
  } catch (e) {
    throw new InputError(`${argsMessage(e)}\n\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  // What was typed on the command line is the newest source of content.
  const typed: Content | null =
    values.tolerance !== undefined || values["assigned-by"] !== undefined
      ? {
          rows: {},
          ...(values.tolerance !== undefined ? { tolerance: toleranceOption(values.tolerance) } : {}),
          ...(values["assigned-by"] !== undefined ? { assignedBy: values["assigned-by"] } : {}),
        }
      : null;
  if (values["assigned-match"] && !values.assigned)
    throw new InputError(`--assigned-match chỉ dùng cùng --assigned <tệp>.`);
  /** `--assigned <file>` over what the other sources gave (the resolution may gain the extra section). */
  const assignedOver = async (r: Resolution, content: Content) =>
    values.assigned
      ? loadAssigned(values.assigned, r, content, io, values["assigned-match"] ?? [])
      : { resolution: r, content };
  switch (command) {
    case "parse": {
      if (positionals.length !== 1)
        throw new InputError(`Lệnh parse cần đúng một tệp (hoặc "-" để đọc từ stdin).\n\n${USAGE}`);
      const r = await loadResolution(positionals[0], io);
      io.stdout(`${JSON.stringify(r, null, 2)}\n`);
      return 0;
    }
    case "evaluate": {
      if (!values.actuals) throw new InputError(`Lệnh evaluate cần --actuals <tệp.json>.\n\n${USAGE}`);
      const read = await loadActuals(values.actuals, await loadResolution(values.resolution, io), io);
      const { resolution: r, content } = await assignedOver(read.resolution, mergeContent(read.content, typed));
      const { evaluatePeriod } = await import("../core/report");
      const periods = read.periods;
      const withPrevious = Object.values(read.content.rows).some((row) => row.previous !== undefined);
      const withPeriods =
        withPrevious ||
        periods.some((p) => p !== YEAR) ||
        read.content.estimates !== undefined ||
        Object.values(read.content.rows).some((row) => row.override !== undefined);
      const results = Object.fromEntries(periods.map((p) => [p, evaluatePeriod(r, content, p)]));
      const year = evaluatePeriod(r, content, YEAR);
      const out: Record<string, unknown> = {};
      allIndicators(r).forEach((ind, k) => {
        if (!withPeriods) {
          const x = year[k]!;
          out[ind.id] = { status: x.rule, ratio: x.ratio };
          return;
        }
        const entry: Record<string, unknown> = {};
        for (const p of periods) {
          const x = results[p]![k]!;
          entry[p] = {
            status: x.rule,
            ratio: x.ratio,
            // Last year's figure as written (99.2 means 99,2%), and the figure ÷ it (semantics section 9).
            ...(withPrevious ? { previous: writtenFigure(ind, x.previous), change: x.change } : {}),
          };
        }
        entry.final = year[k]!.status;
        out[ind.id] = entry;
      });
      // The assigned target's own status and ratio per period (semantics section 10).
      allIndicators(r).forEach((ind, k) => {
        if (!results[periods[0]!]![k]!.assigned) return;
        const entry = out[ind.id] as Record<string, unknown>;
        entry.assigned = Object.fromEntries(periods.map((p) => [p, results[p]![k]!.assigned]));
      });
      io.stdout(`${JSON.stringify(out, null, 2)}\n`);
      return 0;
    }
    case "report": {
      if (!values.actuals === !values.from)
        throw new InputError(`Lệnh report cần --actuals <tệp.json> hoặc --from <sổ.xlsx> (một trong hai).\n\n${USAGE}`);
      const period = values.period === undefined ? YEAR : periodOf(values.period);
      if (period === null) throw new InputError(`--period "${values.period}" không có; các kỳ là ${PERIOD_KEYS_TEXT}.`);
      const { reviewText } = await import("../core/report");
      if (values.from) {
        const back = await readBackFile(
          values.from,
          values.resolution ? await loadResolution(values.resolution, io) : null,
        );
        if (!back.sheet.periods.includes(period))
          throw new InputError(
            `Sổ "${values.from}" không có kỳ ${PERIOD_INFO[period].label}; sổ có: ${back.sheet.periods.join(", ")} (--period).`,
          );
        const over = await assignedOver(back.resolution, mergeContent(back.content, typed));
        io.stdout(`${reviewText(over.resolution, over.content, period).join("\n")}\n`);
        return 0;
      }
      const read = await loadActuals(values.actuals!, await loadResolution(values.resolution, io), io);
      const over = await assignedOver(read.resolution, mergeContent(read.content, typed));
      io.stdout(`${reviewText(over.resolution, over.content, period).join("\n")}\n`);
      return 0;
    }
    case "workbook": {
      if (!values.out) throw new InputError(`Lệnh workbook cần --out <tệp.xlsx>.\n\n${USAGE}`);
      if (!/\.xlsx$/iu.test(values.out)) throw new InputError(`Tệp ra "${values.out}" phải có đuôi .xlsx.`);
      const periods = values.periods !== undefined ? periodsOption(values.periods) : undefined;
      let r = await loadResolution(values.resolution, io);
      // What the reading changed or could not place (dropped characters, a clause cut to fit a cell), by line.
      for (const w of r.warnings) io.stderr(`Cảnh báo: dòng ${w.line}: ${w.reason} — “${w.text}”\n`);
      const read = values.actuals ? await loadActuals(values.actuals, r, io) : null;
      if (read) r = read.resolution;
      // The old sheet is oldest, then the actuals file, then what was typed on the command line.
      const newer = [read?.content ?? null, typed];
      if (values.match && !values.from && !values.previous)
        throw new InputError(`--match chỉ dùng cùng --from <sổ-cũ.xlsx> hoặc --previous <sổ-năm-trước.xlsx>.`);
      // Last year's sheet gives the "Cùng kỳ" figures: the oldest source (--match confirms its pairs without --from).
      const last = values.previous
        ? await carryFrom(values.previous, r, io, values.from ? [] : (values.match ?? []), [], "previous-year")
        : null;
      const fromOld = values.from
        ? await carryFrom(values.from, r, io, values.match ?? [], newer)
        : { content: mergeContent(...newer), periods: [], resolution: r };
      // The old sheet's extra assigned indicators come with it (carry.withOldAssigned); last year's do not.
      r = fromOld.resolution;
      const over = await assignedOver(r, last ? mergeContent(last.content, fromOld.content) : fromOld.content);
      r = over.resolution;
      const built = {
        content: over.content,
        periods: fromOld.periods.length ? fromOld.periods : (last?.periods ?? []),
      };
      let sheetPeriods = periods ?? (built.periods.length ? built.periods : undefined);
      if ((values.from || values.previous) && sheetPeriods) {
        // Fewer periods than the old sheet had figures for: the period is kept, and said (never dropped).
        const { keepPeriods } = await import("../workbook/carry");
        const kept = keepPeriods(sheetPeriods, built.content);
        sheetPeriods = kept.periods;
        if (kept.added.length > 0)
          io.stderr(
            `Sổ cũ có số liệu ${kept.added.map((p) => PERIOD_INFO[p].label).join(", ")}: giữ ${kept.added.length > 1 ? "các kỳ này" : "kỳ này"} trong sổ mới (--periods không có).\n`,
          );
      }
      const { buildWorkbookPlan } = await import("../workbook/plan");
      const { writeXlsx } = await import("../workbook/xlsx");
      const bytes = await writeXlsx(
        buildWorkbookPlan(r, {
          content: built.content,
          periods: sheetPeriods,
        }),
      );
      await writeAtomically(values.out, bytes);
      io.stderr(`Đã ghi ${values.out} (${allIndicators(r).length} chỉ tiêu).\n`);
      return 0;
    }
    case "schema":
      io.stdout(`${JSON.stringify(jsonSchemas(), null, 2)}\n`);
      return 0;
    default:
      throw new InputError(`Không có lệnh "${command}".\n\n${USAGE}`);
  }
}

/** A figure as its cell holds it, as written in an actuals file (0.992 in a percent cell is 99.2); null when none. */
function writtenFigure(ind: Indicator, cell: unknown): unknown {
  const v = figureFromCell(ind, cell);
  return v === "" ? null : v;
}

/** Runs the CLI; returns the exit code. Never prints a stack trace. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  try {
    return await run(argv, io);
  } catch (e) {
    if (e instanceof InputError) {
      io.stderr(`Lỗi: ${e.message}\n`);
      return 2;
    }
    io.stderr(`Lỗi không mong đợi: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}
