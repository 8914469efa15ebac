import { cellPosition, colLetter, colNumber, eachCellOf } from "./layout";
import type { CellPlan, SheetPlan, WorkbookPlan } from "./sheet-plan";

/**
 * A small evaluator of the formulas the plan holds, for the .xlsx writer's cached results: a file
 * opened in Protected View, a phone or a mail preview shows them without calculating. It knows
 * exactly the functions and operators our generators emit (an unknown one throws, and the engine
 * test, which compares every cached value with LibreOffice's, names it). Results are Excel's for
 * Windows: INFO("system") is "pcdos".
 */

export interface ErrorValue {
  error: string;
}
/** A computed cell: what the writer caches. */
export type Computed = number | string | boolean | ErrorValue;

type Scalar = Computed | null; // null: an empty cell
interface Ref {
  ref: true;
  sheet: string;
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}
interface Arr {
  arr: Scalar[];
}
type Val = Scalar | Ref | Arr;

const err = (error: string): ErrorValue => ({ error });
const isErr = (v: unknown): v is ErrorValue => typeof v === "object" && v !== null && "error" in v;
const isRef = (v: Val): v is Ref => typeof v === "object" && v !== null && "ref" in v;
const isArr = (v: Val): v is Arr => typeof v === "object" && v !== null && "arr" in v;

// ---- tokens ----

type Token =
  | { t: "num"; v: number }
  | { t: "str"; v: string }
  | { t: "ref"; sheet: string | null; a: string; b: string | null; start: number; end: number }
  | { t: "name"; v: string }
  | { t: "fn"; v: string }
  | { t: "op"; v: string }
  | { t: "arr"; v: Scalar[] };

const SHEET = String.raw`(?:'((?:[^']|'')+)'|([A-Za-z_][\w.]*))!`;
const CELL = String.raw`\$?[A-Z]{1,3}\$?\d+`;
const COLUMN = String.raw`\$?[A-Z]{1,3}`;
const REF_RE = new RegExp(String.raw`(?:${SHEET})?(?:(${CELL})(?::(${CELL}))?|(${COLUMN}):(${COLUMN}))(?![\w.(])`, "y");
const NUM_RE = /\d+(?:\.\d*)?(?:[Ee][+-]?\d+)?/y;
const WORD_RE = /[A-Za-z_][\w.]*/y;
const OPS = ["<=", ">=", "<>", "=", "<", ">", "+", "-", "*", "/", "^", "&", "%", "(", ")", ","];

function stringAt(s: string, i: number): [string, number] {
  let j = i + 1;
  let out = "";
  for (;;) {
    const k = s.indexOf('"', j);
    if (k < 0) throw new Error(`unterminated string in ${s}`);
    out += s.slice(j, k);
    if (s[k + 1] === '"') {
      out += '"';
      j = k + 2;
    } else return [out, k + 1];
  }
}

/** The formula's tokens; references keep where they stand in the text (toR1C1 rewrites them). */
export function tokenize(s: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < s.length) {
    const ch = s[i]!;
    if (ch === " ") {
      i++;
      continue;
    }
    if (ch === '"') {
      const [v, j] = stringAt(s, i);
      out.push({ t: "str", v });
      i = j;
      continue;
    }
    if (ch === "{") {
      const items: Scalar[] = [];
      let j = i + 1;
      while (s[j] !== "}") {
        if (s[j] === '"') {
          const [v, k] = stringAt(s, j);
          items.push(v);
          j = k;
        } else {
          const m = /^-?\d+(?:\.\d*)?(?:[Ee][+-]?\d+)?|^TRUE|^FALSE/.exec(s.slice(j));
          if (!m) throw new Error(`array constant not understood in ${s}`);
          items.push(m[0] === "TRUE" ? true : m[0] === "FALSE" ? false : Number(m[0]));
          j += m[0].length;
        }
        if (s[j] === "," || s[j] === ";") j++;
      }
      out.push({ t: "arr", v: items });
      i = j + 1;
      continue;
    }
    REF_RE.lastIndex = i;
    const m = REF_RE.exec(s);
    if (m) {
      const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] ?? null);
      out.push(
        m[3] !== undefined
          ? { t: "ref", sheet, a: m[3], b: m[4] ?? null, start: i, end: REF_RE.lastIndex }
          : { t: "ref", sheet, a: m[5]!, b: m[6]!, start: i, end: REF_RE.lastIndex },
      );
      i = REF_RE.lastIndex;
      continue;
    }
    if (/\d/.test(ch) || (ch === "." && /\d/.test(s[i + 1] ?? ""))) {
      NUM_RE.lastIndex = i;
      const n = NUM_RE.exec(s)!;
      out.push({ t: "num", v: Number(n[0]) });
      i = NUM_RE.lastIndex;
      continue;
    }
    WORD_RE.lastIndex = i;
    const w = WORD_RE.exec(s);
    if (w) {
      i = WORD_RE.lastIndex;
      if (s[i] === "(") out.push({ t: "fn", v: w[0].toUpperCase() });
      else out.push({ t: "name", v: w[0] });
      continue;
    }
    const op = OPS.find((o) => s.startsWith(o, i));
    if (!op) throw new Error(`unexpected "${ch}" in ${s}`);
    out.push({ t: "op", v: op });
    i += op.length;
  }
  return out;
}

/**
 * The formula in R1C1 notation for the cell at (row, col): "$C8*2" in row 8 of column D is "RC3*2".
 * Formulas that differ only by their own row have one R1C1 text (the Office.js writer writes such
 * a run down a column at once).
 */
export function toR1C1(formula: string, row: number, col: number): string {
  let out = "";
  let at = 0;
  const part = (ref: string, isCol: boolean) => {
    if (isCol) {
      const abs = ref.startsWith("$");
      const c = colNumber(ref.replace("$", ""));
      return abs ? `C${c}` : c === col ? "C" : `C[${c - col}]`;
    }
    const m = /^(\$?)([A-Z]+)(\$?)(\d+)$/.exec(ref)!;
    const c = colNumber(m[2]!);
    const r = Number(m[4]);
    const rr = m[3] ? `R${r}` : r === row ? "R" : `R[${r - row}]`;
    const cc = m[1] ? `C${c}` : c === col ? "C" : `C[${c - col}]`;
    return rr + cc;
  };
  for (const tok of tokenize(formula)) {
    if (tok.t !== "ref") continue;
    const text = formula.slice(tok.start, tok.end);
    const bang = text.lastIndexOf("!");
    const prefix = bang >= 0 ? text.slice(0, bang + 1) : "";
    const isCol = !/\d/.test(tok.a);
    const body = part(tok.a, isCol) + (tok.b !== null ? `:${part(tok.b, isCol)}` : "");
    out += formula.slice(at, tok.start) + prefix + body;
    at = tok.end;
  }
  return out + formula.slice(at);
}

// ---- syntax ----

type Node =
  | { k: "lit"; v: Scalar }
  | { k: "arr"; v: Scalar[] }
  /** Rows and columns as at the cell the formula was read for; `rel` marks the parts that move with the cell. */
  | {
      k: "ref";
      sheet: string | null;
      r1: number;
      c1: number;
      r2: number;
      c2: number;
      rel: [boolean, boolean, boolean, boolean];
    }
  | { k: "name"; v: string }
  | { k: "fn"; name: string; args: Node[] }
  | { k: "bin"; op: string; a: Node; b: Node }
  | { k: "neg"; a: Node }
  | { k: "pct"; a: Node };

const BINARY: Record<string, number> = { "=": 1, "<>": 1, "<": 1, ">": 1, "<=": 1, ">=": 1, "&": 2, "+": 3, "-": 3 };
Object.assign(BINARY, { "*": 4, "/": 4, "^": 5 });

function parse(formula: string): Node {
  const toks = tokenize(formula);
  let i = 0;
  const peek = () => toks[i];
  const isOp = (v: string) => {
    const t = peek();
    return t?.t === "op" && t.v === v;
  };
  const expect = (v: string) => {
    if (!isOp(v)) throw new Error(`expected "${v}" in ${formula}`);
    i++;
  };
  const MAX_ROW = 1_048_576;
  const primary = (): Node => {
    const t = toks[i++];
    if (!t) throw new Error(`unexpected end of ${formula}`);
    switch (t.t) {
      case "num":
        return { k: "lit", v: t.v };
      case "str":
        return { k: "lit", v: t.v };
      case "arr":
        return { k: "arr", v: t.v };
      case "ref": {
        const b = t.b ?? t.a;
        const relCol = (x: string) => !x.startsWith("$");
        const relRow = (x: string) => /^\$?[A-Z]+\d/.test(x);
        if (!/\d/.test(t.a)) {
          const c1 = colNumber(t.a.replace("$", ""));
          const c2 = colNumber(b.replace("$", ""));
          return { k: "ref", sheet: t.sheet, r1: 1, c1, r2: MAX_ROW, c2, rel: [false, relCol(t.a), false, relCol(b)] };
        }
        const p = cellPosition(t.a);
        const q = cellPosition(b);
        const rel: [boolean, boolean, boolean, boolean] = [relRow(t.a), relCol(t.a), relRow(b), relCol(b)];
        return { k: "ref", sheet: t.sheet, r1: p.row, c1: p.col, r2: q.row, c2: q.col, rel };
      }
      case "name": {
        const up = t.v.toUpperCase();
        if (up === "TRUE" || up === "FALSE") return { k: "lit", v: up === "TRUE" };
        return { k: "name", v: t.v };
      }
      case "fn": {
        expect("(");
        const args: Node[] = [];
        if (!isOp(")"))
          for (;;) {
            args.push(isOp(",") || isOp(")") ? { k: "lit", v: null } : expr(0));
            if (isOp(",")) i++;
            else break;
          }
        expect(")");
        return { k: "fn", name: t.v, args };
      }
      case "op":
        if (t.v === "(") {
          const e = expr(0);
          expect(")");
          return e;
        }
        if (t.v === "-") return { k: "neg", a: unary() };
        if (t.v === "+") return unary();
    }
    throw new Error(`unexpected token in ${formula}`);
  };
  const unary = (): Node => {
    let n = primary();
    while (isOp("%")) {
      i++;
      n = { k: "pct", a: n };
    }
    return n;
  };
  const expr = (min: number): Node => {
    let left = unary();
    for (;;) {
      const t = peek();
      const prec = t?.t === "op" ? BINARY[t.v] : undefined;
      if (prec === undefined || prec < min) break;
      i++;
      // Left-associative; ^ too, as in Excel.
      const right = expr(prec + 1);
      left = { k: "bin", op: (t as { v: string }).v, a: left, b: right };
    }
    return left;
  };
  const tree = expr(0);
  if (i !== toks.length) throw new Error(`trailing tokens in ${formula}`);
  return tree;
}

// ---- values ----

/** LibreOffice's and Excel's tolerance when comparing doubles (rtl::math::approxEqual). */
function approxEqual(a: number, b: number): boolean {
  if (a === b) return true;
  if (a === 0 || b === 0) return false;
  return Math.abs(a - b) < Math.abs(a) * 2 ** -48 * 16;
}

/** A number as Excel writes it in text: up to 15 significant digits, no trailing zeros. */
export function numberText(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  return String(Number(n.toPrecision(15))).replace("e", "E");
}

const text = (v: Scalar): string | ErrorValue =>
  isErr(v)
    ? v
    : v === null
      ? ""
      : typeof v === "boolean"
        ? v
          ? "TRUE"
          : "FALSE"
        : typeof v === "number"
          ? numberText(v)
          : v;

function num(v: Scalar): number | ErrorValue {
  if (isErr(v)) return v;
  if (v === null) return 0;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  const t = v.trim();
  if (t !== "" && /^[+-]?(\d+\.?\d*|\.\d+)(E[+-]?\d+)?%?$/i.test(t))
    return t.endsWith("%") ? Number(t.slice(0, -1)) / 100 : Number(t);
  return err("#VALUE!");
}

function bool(v: Scalar): boolean | ErrorValue {
  if (isErr(v)) return v;
  if (v === null) return false;
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  const u = v.toUpperCase();
  if (u === "TRUE" || u === "FALSE") return u === "TRUE";
  return err("#VALUE!");
}

/** Excel's order: numbers < text < booleans; text without case; an empty cell is 0 or "" as the other side. */
function compare(a: Scalar, b: Scalar): number {
  const rank = (v: Scalar) => (typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2);
  if (a === null && b === null) return 0;
  if (a === null) a = typeof b === "string" ? "" : typeof b === "boolean" ? false : 0;
  if (b === null) b = typeof a === "string" ? "" : typeof a === "boolean" ? false : 0;
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (typeof a === "number" && typeof b === "number") return approxEqual(a, b) ? 0 : a < b ? -1 : 1;
  if (typeof a === "string" && typeof b === "string") {
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    return x === y ? 0 : x < y ? -1 : 1;
  }
  return Number(a) - Number(b);
}

/** A criterion or MATCH's lookup text as a pattern: "*" any run, "?" one character, "~" escapes. */
function wildcard(pattern: string): RegExp | null {
  if (!/[*?~]/.test(pattern)) return null;
  let re = "";
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === "~" && i + 1 < pattern.length) re += pattern[++i]!.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    else if (ch === "*") re += "[\\s\\S]*";
    else if (ch === "?") re += "[\\s\\S]";
    else re += ch.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${re}$`, "iu");
}

/** COUNTIFS' test of one cell against a criterion ("Đạt", "I.*", ">5", "<>x"). */
function criterion(c: Scalar): (v: Scalar) => boolean {
  if (typeof c === "number" || typeof c === "boolean") return (v) => v !== null && compare(v, c) === 0;
  const s = c === null ? "" : isErr(c) ? "" : c;
  const m = /^(<=|>=|<>|=|<|>)?([\s\S]*)$/.exec(s)!;
  const op = m[1] ?? "=";
  const rest = m[2]!;
  const n = rest.trim() !== "" && !Number.isNaN(Number(rest)) ? Number(rest) : null;
  if (op === "=" || op === "<>") {
    const re = n === null ? wildcard(rest) : null;
    const eq = (v: Scalar) =>
      n !== null
        ? typeof v === "number" && approxEqual(v, n)
        : rest === ""
          ? v === null || v === ""
          : typeof v === "string" && (re ? re.test(v) : v.toLowerCase() === rest.toLowerCase());
    return op === "=" ? eq : (v) => !eq(v);
  }
  return (v) => {
    if (n !== null ? typeof v !== "number" : typeof v !== "string") return false;
    const d = compare(v, n ?? rest);
    return op === "<" ? d < 0 : op === "<=" ? d <= 0 : op === ">" ? d > 0 : d >= 0;
  };
}

/** Excel's ROUND: half away from zero, on the decimal the number stands for (2.675 → 2.68). */
function round(x: number, d: number): number {
  const p = 10 ** Math.trunc(d);
  const y = Number((Math.abs(x) * p).toPrecision(15));
  return (Math.sign(x) * Math.round(y)) / p;
}

/** CELL("format") from a number format, as Excel answers it ("G", "F2", ",0", "P1", "D1"). */
function formatCode(fmt: string | undefined): string {
  if (!fmt || fmt === "General") return "G";
  const plain = fmt.replace(/"[^"]*"|\[[^\]]*\]|\\./g, "");
  if (/[dmyhs]/i.test(plain)) return "D1";
  const decimals = /\.(0+)/.exec(plain)?.[1]?.length ?? 0;
  if (plain.includes("%")) return `P${decimals}`;
  return `${plain.includes(",") ? "," : "F"}${decimals}`;
}

// ---- the workbook ----

interface Sheet {
  plan: SheetPlan;
  cells: Map<number, CellPlan>;
  formats: Map<number, string>;
  maxRow: number;
}
const key = (r: number, c: number) => r * 16384 + c;

/**
 * Every formula cell's value, by sheet and cell (row × 16384 + column): what Excel shows once it has
 * calculated the plan as written. A cell whose formula cannot be evaluated is left out (the writer
 * then writes it without a result, as before).
 */
export function evaluatePlan(plan: WorkbookPlan): Map<string, Map<number, Computed>> {
  const sheets = new Map<string, Sheet>();
  for (const p of plan.sheets) {
    const cells = new Map<number, CellPlan>();
    let maxRow = 0;
    for (const c of p.cells) {
      cells.set(key(c.row, c.col), c);
      maxRow = Math.max(maxRow, c.row);
    }
    sheets.set(p.name, { plan: p, cells, formats: new Map(), maxRow });
  }
  // Number formats only where CELL() asks, computed once per sheet.
  const formatted = new Set<string>();
  const formatOf = (s: Sheet, r: number, c: number) => {
    if (!formatted.has(s.plan.name)) {
      formatted.add(s.plan.name);
      for (const st of s.plan.styles)
        if (st.style.numFmt !== undefined) eachCellOf(st.ref, (rr, cc) => s.formats.set(key(rr, cc), st.style.numFmt!));
    }
    return s.formats.get(key(r, c));
  };
  const names = new Map(plan.names.map((n) => [n.name.toUpperCase(), n]));
  const results = new Map<string, Map<number, Computed>>();
  // Cells of one column and share key hold one formula but for their row (sheet-plan.ts): read once.
  const parsed = new Map<string, { tree: Node; row: number; col: number }>();
  const busy = new Set<string>();

  const sheetOf = (name: string): Sheet => {
    const s = sheets.get(name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  };

  function cellValue(sheet: string, r: number, c: number): Scalar {
    const s = sheets.get(sheet);
    const cell = s?.cells.get(key(r, c));
    if (!cell) return null;
    if (cell.formula === undefined) return cell.value === undefined || cell.value === "" ? null : cell.value;
    const done = results.get(sheet)?.get(key(r, c));
    if (done !== undefined) return done;
    const id = `${sheet}!${r},${c}`;
    if (busy.has(id)) throw new Error(`circular reference at ${sheet}!${colLetter(c)}${r}`);
    busy.add(id);
    try {
      const group = cell.share !== undefined ? `${sheet}|${c}|${cell.share}` : null;
      let read = group !== null ? parsed.get(group) : undefined;
      if (!read) {
        read = { tree: parse(cell.formula), row: r, col: c };
        if (group !== null) parsed.set(group, read);
      }
      const v = deref(evaluate(read.tree, { sheet, dr: r - read.row, dc: c - read.col, row: r }));
      const out: Computed = v === null ? 0 : v;
      (results.get(sheet) ?? results.set(sheet, new Map()).get(sheet)!).set(key(r, c), out);
      return out;
    } finally {
      busy.delete(id);
    }
  }

  /** A value as a scalar: a single cell's value, else #VALUE!. */
  function deref(v: Val): Scalar {
    if (isRef(v)) {
      if (v.r1 !== v.r2 || v.c1 !== v.c2) return err("#VALUE!");
      return cellValue(v.sheet, v.r1, v.c1);
    }
    if (isArr(v)) return v.arr[0] ?? null;
    return v;
  }

  // A range's values are final once read (the plan does not change): kept, with an index of its texts for MATCH.
  const ranges = new Map<string, { vals: Scalar[]; index?: Map<string, number> }>();
  function range(v: Ref) {
    const id = `${v.sheet}!${v.r1},${v.c1}:${v.r2},${v.c2}`;
    let got = ranges.get(id);
    if (!got) {
      const s = sheetOf(v.sheet);
      const vals: Scalar[] = [];
      for (let r = v.r1; r <= Math.min(v.r2, Math.max(s.maxRow, v.r1)); r++)
        for (let c = v.c1; c <= v.c2; c++) vals.push(cellValue(v.sheet, r, c));
      ranges.set(id, (got = { vals }));
    }
    return got;
  }

  /** Each value of a range or array (a range stops at its sheet's last written row). */
  function values(v: Val): Scalar[] {
    if (isArr(v)) return v.arr;
    if (!isRef(v)) return [v];
    return range(v).vals;
  }

  interface At {
    sheet: string;
    /** How far the cell is from the one its formula was read for. */
    dr: number;
    dc: number;
    /** The cell's own row (ROW()). */
    row: number;
  }
  function evaluate(n: Node, at: At): Val {
    switch (n.k) {
      case "lit":
        return n.v;
      case "arr":
        return { arr: n.v };
      case "ref": {
        const [a, b, c, d] = n.rel;
        return {
          ref: true,
          sheet: n.sheet ?? at.sheet,
          r1: n.r1 + (a ? at.dr : 0),
          c1: n.c1 + (b ? at.dc : 0),
          r2: n.r2 + (c ? at.dr : 0),
          c2: n.c2 + (d ? at.dc : 0),
        };
      }
      case "name": {
        const def = names.get(n.v.toUpperCase());
        if (!def) return err("#NAME?");
        const [a, b = a] = def.ref.split(":") as [string, string?];
        const p = cellPosition(a);
        const q = cellPosition(b);
        return { ref: true, sheet: def.sheet, r1: p.row, c1: p.col, r2: q.row, c2: q.col };
      }
      case "neg": {
        const x = num(deref(evaluate(n.a, at)));
        return isErr(x) ? x : -x;
      }
      case "pct": {
        const x = num(deref(evaluate(n.a, at)));
        return isErr(x) ? x : x / 100;
      }
      case "bin":
        return binary(n.op, deref(evaluate(n.a, at)), deref(evaluate(n.b, at)));
      case "fn":
        return call(n.name, n.args, at);
    }
  }

  function binary(op: string, a: Scalar, b: Scalar): Scalar {
    if (isErr(a)) return a;
    if (isErr(b)) return b;
    if (op === "&") return `${text(a) as string}${text(b) as string}`;
    if (op in { "=": 1, "<>": 1, "<": 1, ">": 1, "<=": 1, ">=": 1 }) {
      const d = compare(a, b);
      return op === "="
        ? d === 0
        : op === "<>"
          ? d !== 0
          : op === "<"
            ? d < 0
            : op === ">"
              ? d > 0
              : op === "<="
                ? d <= 0
                : d >= 0;
    }
    const x = num(a);
    const y = num(b);
    if (isErr(x)) return x;
    if (isErr(y)) return y;
    switch (op) {
      case "+":
        return x + y;
      case "-":
        return x - y;
      case "*":
        return x * y;
      case "/":
        return y === 0 ? err("#DIV/0!") : x / y;
      case "^":
        return x ** y;
    }
    throw new Error(`operator ${op}`);
  }

  function call(name: string, args: Node[], at: At): Val {
    const arg = (i: number): Val => (args[i] ? evaluate(args[i]!, at) : null);
    const scalar = (i: number): Scalar => deref(arg(i));
    const numArg = (i: number) => num(scalar(i));
    const textArg = (i: number) => text(scalar(i));
    switch (name) {
      case "IF": {
        const c = bool(scalar(0));
        if (isErr(c)) return c;
        return c ? arg(1) : args.length > 2 ? arg(2) : false;
      }
      case "IFERROR": {
        const v = arg(0);
        return isErr(deref(v)) ? arg(1) : v;
      }
      case "AND":
      case "OR": {
        let any = false;
        let all = true;
        for (let i = 0; i < args.length; i++)
          for (const v of values(arg(i))) {
            if (isErr(v)) return v;
            if (v === null || typeof v === "string") continue;
            const b = bool(v) as boolean;
            any ||= b;
            all &&= b;
          }
        return name === "AND" ? all : any;
      }
      case "ISTEXT":
        return typeof scalar(0) === "string";
      case "LOG10": {
        const x = numArg(0);
        if (isErr(x)) return x;
        return x <= 0 ? err("#NUM!") : Math.log10(x);
      }
      case "MAX":
      case "MIN": {
        const xs: number[] = [];
        for (let i = 0; i < args.length; i++) {
          const v = arg(i);
          if (isRef(v) || isArr(v)) {
            for (const x of values(v)) {
              if (isErr(x)) return x;
              if (typeof x === "number") xs.push(x);
            }
          } else {
            const x = num(v);
            if (isErr(x)) return x;
            xs.push(x);
          }
        }
        return xs.length === 0 ? 0 : name === "MAX" ? Math.max(...xs) : Math.min(...xs);
      }
      case "MID": {
        const t = textArg(0);
        const from = numArg(1);
        const n = numArg(2);
        if (isErr(t)) return t;
        if (isErr(from)) return from;
        if (isErr(n)) return n;
        if (from < 1 || n < 0) return err("#VALUE!");
        return [...t].slice(Math.trunc(from) - 1, Math.trunc(from) - 1 + Math.trunc(n)).join("");
      }
      case "REPT": {
        const t = textArg(0);
        const n = numArg(1);
        if (isErr(t)) return t;
        if (isErr(n)) return n;
        return n < 0 ? err("#VALUE!") : t.repeat(Math.trunc(n));
      }
      case "ROW": {
        if (args.length === 0 || (args[0]!.k === "lit" && args[0]!.v === null)) return at.row;
        const v = arg(0);
        return isRef(v) ? v.r1 : err("#VALUE!");
      }
      case "FIXED": {
        // en-US separators, as LibreOffice and Excel under en-US write them.
        const x = numArg(0);
        const d = args.length > 1 ? numArg(1) : 2;
        const plain = args.length > 2 ? bool(scalar(2)) : false;
        if (isErr(x)) return x;
        if (isErr(d)) return d;
        if (isErr(plain)) return plain;
        const digits = Math.max(0, Math.trunc(d));
        const t = Math.abs(round(x, Math.trunc(d))).toFixed(digits);
        const [int, frac] = t.split(".") as [string, string?];
        const grouped = plain ? int : int.replace(/\B(?=(\d{3})+$)/g, ",");
        return `${round(x, Math.trunc(d)) < 0 ? "-" : ""}${grouped}${frac ? `.${frac}` : ""}`;
      }
      case "NOT": {
        const b = bool(scalar(0));
        return isErr(b) ? b : !b;
      }
      case "UNICHAR": {
        const n = numArg(0);
        if (isErr(n)) return n;
        return n >= 1 && n <= 0x10ffff ? String.fromCodePoint(Math.trunc(n)) : err("#VALUE!");
      }
      case "SUBSTITUTE": {
        const t = textArg(0);
        const from = textArg(1);
        const to = textArg(2);
        if (isErr(t)) return t;
        if (isErr(from)) return from;
        if (isErr(to)) return to;
        if (args.length > 3) throw new Error("SUBSTITUTE with an instance");
        return from === "" ? t : t.split(from).join(to);
      }
      case "ISERROR":
        return isErr(scalar(0));
      case "ISNA": {
        const v = scalar(0);
        return isErr(v) && v.error === "#N/A";
      }
      case "ISNUMBER":
        return typeof scalar(0) === "number";
      case "ISLOGICAL":
        return typeof scalar(0) === "boolean";
      case "NA":
        return err("#N/A");
      case "EXACT": {
        const a = textArg(0);
        const b = textArg(1);
        if (isErr(a)) return a;
        return isErr(b) ? b : a === b;
      }
      case "LEN": {
        const t = textArg(0);
        return isErr(t) ? t : [...t].length;
      }
      case "TRIM": {
        const t = textArg(0);
        return isErr(t) ? t : t.replace(/ +/g, " ").trim();
      }
      case "LEFT":
      case "RIGHT": {
        const t = textArg(0);
        const k = args.length > 1 ? numArg(1) : 1;
        if (isErr(t)) return t;
        if (isErr(k)) return k;
        if (k < 0) return err("#VALUE!");
        const chars = [...t];
        const m = Math.trunc(k);
        return (name === "LEFT" ? chars.slice(0, m) : chars.slice(Math.max(0, chars.length - m))).join("");
      }
      case "INT": {
        const x = numArg(0);
        return isErr(x) ? x : Math.floor(x);
      }
      case "ABS": {
        const x = numArg(0);
        return isErr(x) ? x : Math.abs(x);
      }
      case "MOD": {
        const x = numArg(0);
        const y = numArg(1);
        if (isErr(x)) return x;
        if (isErr(y)) return y;
        return y === 0 ? err("#DIV/0!") : x - y * Math.floor(x / y);
      }
      case "ROUND": {
        const x = numArg(0);
        const d = numArg(1);
        if (isErr(x)) return x;
        if (isErr(d)) return d;
        return round(x, d);
      }
      case "SUM": {
        let total = 0;
        for (let i = 0; i < args.length; i++) {
          const v = arg(i);
          if (isRef(v) || isArr(v)) {
            for (const x of values(v)) {
              if (isErr(x)) return x;
              if (typeof x === "number") total += x;
            }
          } else {
            const x = num(v);
            if (isErr(x)) return x;
            total += x;
          }
        }
        return total;
      }
      case "COUNTIFS": {
        let hits: boolean[] | null = null;
        for (let i = 0; i + 1 < args.length; i += 2) {
          const cells = values(arg(i));
          const test = criterion(scalar(i + 1));
          hits ??= cells.map(() => true);
          if (cells.length !== hits.length) return err("#VALUE!");
          cells.forEach((v, k) => (hits![k] &&= test(v)));
        }
        return (hits ?? []).filter(Boolean).length;
      }
      case "MATCH": {
        const what = scalar(0);
        if (isErr(what)) return what;
        const type = args.length > 2 ? numArg(2) : 1;
        if (type !== 0) throw new Error("MATCH other than exact");
        const where = arg(1);
        const re = typeof what === "string" ? wildcard(what) : null;
        if (typeof what === "string" && !re && isRef(where)) {
          const r = range(where);
          if (!r.index) {
            r.index = new Map();
            r.vals.forEach((v, k) => {
              if (typeof v === "string" && !r.index!.has(v.toLowerCase())) r.index!.set(v.toLowerCase(), k + 1);
            });
          }
          return r.index.get(what.toLowerCase()) ?? err("#N/A");
        }
        const list = values(where);
        const k = list.findIndex((v) =>
          v === null || isErr(v)
            ? false
            : re && typeof v === "string"
              ? re.test(v)
              : typeof v === typeof what && compare(v, what) === 0,
        );
        return k < 0 ? err("#N/A") : k + 1;
      }
      case "INDEX": {
        const range = arg(0);
        const r = numArg(1);
        const c = args.length > 2 ? numArg(2) : 1;
        if (isErr(r)) return r;
        if (isErr(c)) return c;
        if (isArr(range)) return range.arr[Math.trunc(r) - 1] ?? err("#REF!");
        if (!isRef(range)) return err("#VALUE!");
        // With a column argument the range is a grid; without, a one-row range counts along its row.
        const alongRow = args.length <= 2 && range.r1 === range.r2 && range.c1 !== range.c2;
        const rr = range.r1 + Math.trunc(alongRow ? 1 : r) - 1;
        const cc = range.c1 + Math.trunc(alongRow ? r : c) - 1;
        if (rr < range.r1 || rr > range.r2 || cc < range.c1 || cc > range.c2) return err("#REF!");
        return { ref: true, sheet: range.sheet, r1: rr, c1: cc, r2: rr, c2: cc };
      }
      case "CELL": {
        const what = String(scalar(0)).toLowerCase();
        const cell = arg(1);
        if (what !== "format" || !isRef(cell)) throw new Error(`CELL("${what}")`);
        return formatCode(formatOf(sheetOf(cell.sheet), cell.r1, cell.c1));
      }
      case "INFO": {
        if (String(scalar(0)).toLowerCase() !== "system") throw new Error("INFO other than system");
        return "pcdos";
      }
    }
    throw new Error(`the evaluator does not know ${name}()`);
  }

  for (const p of plan.sheets)
    for (const c of p.cells)
      if (c.formula !== undefined)
        try {
          cellValue(p.name, c.row, c.col);
        } catch {
          // Left without a cached result: Excel calculates it on opening (fullCalcOnLoad).
        }
  return results;
}
