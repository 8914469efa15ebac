import { z } from "zod/mini";
import { writeBound } from "./comparators";

/** Type names as staff read them. */
const TYPE_NAMES: Record<string, string> = {
  string: "một chuỗi chữ",
  number: "một con số",
  int: "một số nguyên",
  boolean: "giá trị đúng/sai",
  array: "một danh sách [ ]",
  object: "một đối tượng { }",
  record: "một đối tượng { }",
  tuple: "một danh sách [ ]",
  null: "null",
  undefined: "không có gì",
  date: "một ngày",
};
const typeName = (t: string) => TYPE_NAMES[t] ?? t;

/** What a value is, in Vietnamese, with the value itself when short: "chữ "0,5"", "số 1", "true". */
export function describeValue(v: unknown): string {
  if (v === undefined) return "không có (thiếu)";
  if (v === null) return "null";
  if (typeof v === "boolean") return `giá trị đúng/sai (${v})`;
  if (typeof v === "number") return `số ${v}`;
  if (typeof v === "string") return v.length <= 40 ? `chữ "${v}"` : `chữ "${v.slice(0, 37)}…"`;
  if (Array.isArray(v)) return "một danh sách [ ]";
  return "một đối tượng { }";
}

const sizeWords = (origin: string) =>
  origin === "string" ? " ký tự" : origin === "array" || origin === "set" ? " phần tử" : "";

type Issue = z.core.$ZodRawIssue;

/** The types a union would have taken, from its members' own type errors. */
function unionTypes(issue: Extract<Issue, { code: "invalid_union" }>): string[] {
  const types = issue.errors.flat().flatMap((e) => (e.code === "invalid_type" ? [typeName(e.expected)] : []));
  return [...new Set(types)];
}

/** Zod's messages in plain Vietnamese, naming what was expected and what was found. */
export const vietnameseErrors: z.core.$ZodErrorMap = (issue) => {
  const found = describeValue(issue.input);
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined
        ? `thiếu (cần ${typeName(issue.expected)})`
        : `cần ${typeName(issue.expected)}, đang là ${found}`;
    case "invalid_union": {
      const types = unionTypes(issue);
      return types.length > 0 ? `cần ${types.join(" hoặc ")}, đang là ${found}` : `không hợp lệ, đang là ${found}`;
    }
    case "invalid_value":
      return `phải là một trong: ${issue.values.map((v) => JSON.stringify(v)).join(", ")}; đang là ${found}`;
    case "too_small":
      return issue.origin === "number" || issue.origin === "int"
        ? `phải ${issue.inclusive ? `từ ${writeBound("gte", String(issue.minimum))}` : writeBound("gt", String(issue.minimum))}, đang là ${found}`
        : `cần ít nhất ${issue.minimum}${sizeWords(issue.origin)}`;
    case "too_big":
      return issue.origin === "number" || issue.origin === "int"
        ? `phải ${writeBound(issue.inclusive ? "lte" : "lt", String(issue.maximum))}, đang là ${found}`
        : `chỉ được tối đa ${issue.maximum}${sizeWords(issue.origin)}`;
    case "unrecognized_keys":
      return `có trường không dùng được: ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
    case "invalid_format":
      return `không đúng định dạng, đang là ${found}`;
    case "not_multiple_of":
      return `phải là bội số của ${issue.divisor}, đang là ${found}`;
    case "invalid_key":
      return `có khóa không hợp lệ`;
    case "invalid_element":
      return `có phần tử không hợp lệ`;
    default:
      return undefined;
  }
};

z.config({ localeError: vietnameseErrors });
