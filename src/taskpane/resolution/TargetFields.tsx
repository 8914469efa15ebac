import { useState } from "react";
import { DefaultButton } from "@fluentui/react/lib/Button";
import { Stack } from "@fluentui/react/lib/Stack";
import { Text } from "@fluentui/react/lib/Text";
import { TextField } from "@fluentui/react/lib/TextField";
import { WRITTEN } from "../../core/comparators";
import { QUALITATIVE_ANSWERS, RATING_LEVELS, TargetSchema, type Indicator, type Target } from "../../core/model";
import { parseVietnameseNumber } from "../../core/numbers";
import { PANE_COLORS } from "../../core/palette";
import { STATUS_RULES, TARGET_OPS, type TargetOp } from "../../core/rules";
import { schemaProblem } from "./InlineField";

export interface TargetFieldsProps {
  indicator: Indicator;
  /** Keeps a target; returns why it cannot, or null when it was kept. */
  onSave: (t: Target) => string | null;
  onCancel: () => void;
}

/** The kinds as staff read them; the comparator words are the table's (core/comparators.ts). */
const KIND_WORDS: Record<TargetOp, string> = {
  gte: `đạt từ … ${WRITTEN.gte.words} (${STATUS_RULES.gte.label})`,
  gt: `${WRITTEN.gt.words} (${STATUS_RULES.gt.label})`,
  lte: `${WRITTEN.lte.words} (${STATUS_RULES.lte.label})`,
  lt: `${WRITTEN.lt.words} (${STATUS_RULES.lt.label})`,
  range: "từ … đến …",
  rank: "thứ hạng … trở lên",
  rating: "xếp loại … trở lên",
  qualitative: `định tính (${QUALITATIVE_ANSWERS.join(" / ")})`,
};

/** The target by its fields (kind, numbers or level), for phrasings the reader cannot take. */
export function TargetFields({ indicator, onSave, onCancel }: TargetFieldsProps) {
  const t = indicator.target;
  const [op, setOp] = useState<TargetOp>(t.op);
  const [a, setA] = useState("min" in t ? String(t.min) : "value" in t ? String(t.value) : "");
  const [b, setB] = useState("max" in t ? String(t.max) : "");
  const [level, setLevel] = useState<string>("level" in t ? t.level : RATING_LEVELS[1]);
  const [error, setError] = useState<string | null>(null);
  const num = (v: string) => parseVietnameseNumber(v)?.value ?? Number.NaN;
  const current = (): Target => {
    const shape = STATUS_RULES[op].shape;
    const target =
      shape === "range"
        ? { op, min: num(a), max: num(b) }
        : shape === "rating"
          ? { op, level }
          : shape === "qualitative"
            ? { op }
            : { op, value: num(a) };
    return target as Target;
  };
  // Checked as typed, against the one schema of a target (its Vietnamese messages).
  const live = schemaProblem(TargetSchema.safeParse(current()));
  const shown = error ?? live;
  const save = () => setError(live ?? onSave(current()));
  // A field changed: what a refused save said no longer holds.
  const typed =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setError(null);
    };
  const id = indicator.id;
  const shape = STATUS_RULES[op].shape;
  return (
    <Stack tokens={{ childrenGap: 4 }} styles={{ root: { fontSize: 12 } }}>
      <label>
        Kiểu chỉ tiêu{" "}
        <select
          aria-label={`Kiểu chỉ tiêu của ${id}`}
          value={op}
          onChange={(e) => typed(setOp)(e.target.value as TargetOp)}
        >
          {TARGET_OPS.map((o) => (
            <option key={o} value={o}>
              {KIND_WORDS[o]}
            </option>
          ))}
        </select>
      </label>
      {shape !== "rating" && shape !== "qualitative" && (
        <TextField
          ariaLabel={shape === "range" ? `Mức thấp của ${id}` : `Mức chỉ tiêu của ${id}`}
          value={a}
          onChange={(_e, v) => typed(setA)(v ?? "")}
        />
      )}
      {shape === "range" && (
        <TextField ariaLabel={`Mức cao của ${id}`} value={b} onChange={(_e, v) => typed(setB)(v ?? "")} />
      )}
      {shape === "rating" && (
        <select aria-label={`Mức xếp loại của ${id}`} value={level} onChange={(e) => typed(setLevel)(e.target.value)}>
          {RATING_LEVELS.map((l) => (
            <option key={l}>{l}</option>
          ))}
        </select>
      )}
      {shown && (
        <Text role="alert" styles={{ root: { color: PANE_COLORS.error } }}>
          {shown}
        </Text>
      )}
      <Stack horizontal tokens={{ childrenGap: 6 }}>
        <DefaultButton text="Lưu" onClick={save} ariaLabel={`Lưu mức chỉ tiêu của ${id}`} />
        <DefaultButton text="Hủy" onClick={onCancel} ariaLabel={`Hủy sửa mức chỉ tiêu của ${id}`} />
      </Stack>
    </Stack>
  );
}
