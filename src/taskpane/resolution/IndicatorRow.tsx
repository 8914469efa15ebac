import { IndicatorSchema, type Indicator, type Resolution } from "../../core/model";
import { isCumulative } from "../../core/cumulative";
import { formatTarget } from "../../core/target";
import type * as Reader from "../reader";
import { Act } from "./Act";
import { InlineField, schemaProblem } from "./InlineField";
import { TargetEditor } from "./TargetEditor";
import { TargetFields } from "./TargetFields";
import { rowStyles } from "./styles";

/** An edit made with the readers' module (loaded on first use) to the latest reading. */
export type Edit = (reader: typeof Reader, r: Resolution) => Resolution;

export interface IndicatorRowProps {
  indicator: Indicator;
  /** The sections it may be moved to. */
  otherSections: readonly string[];
  /** What the tab is editing in place ("text:I.2.b", "unit:I.2.b", "target:I.2.b"); one field at a time. */
  editing: string | null;
  setEditing: (what: string | null) => void;
  /** Shows the correction controls. */
  correcting: boolean;
  /** Replaces the indicator with an edited one (the reader checks it first). */
  update: (next: Indicator) => void;
  /** Replaces the indicator as it is (its target phrase, already read). */
  replace: (next: Indicator) => void;
  withEdits: (edit: Edit) => void;
}

/** One indicator of the reading: its text, its target and, on request, the controls that correct them. */
export function IndicatorRow({
  indicator,
  otherSections,
  editing,
  setEditing,
  correcting,
  update,
  replace,
  withEdits,
}: IndicatorRowProps) {
  /** The indicator with the field being edited (its text or its unit) set to what is typed. */
  const edited = (ind: Indicator, v: string): Indicator =>
    editing?.startsWith("text:") ? { ...ind, text: v.trim() } : { ...ind, unit: v.trim() };
  return (
    <li className={rowStyles.row}>
      <div>
        <strong>{indicator.id}</strong> {indicator.text}
        {indicator.unit ? ` (${indicator.unit})` : ""}
      </div>
      <TargetEditor indicator={indicator} onChange={replace} />
      {editing === `target:${indicator.id}` ? (
        <TargetFields
          indicator={indicator}
          onCancel={() => setEditing(null)}
          onSave={(target) => {
            const next = { ...indicator, target, targetText: formatTarget(target, indicator.unit) };
            // The schema's own (Vietnamese) words say what is wrong.
            const checked = IndicatorSchema.safeParse(next);
            if (!checked.success) return checked.error.issues.map((i) => i.message).join("; ");
            update(next);
            setEditing(null);
            return null;
          }}
        />
      ) : editing === `text:${indicator.id}` || editing === `unit:${indicator.id}` ? (
        <InlineField
          label={editing.startsWith("text:") ? `Nội dung chỉ tiêu ${indicator.id}` : `Đơn vị tính của ${indicator.id}`}
          initial={editing.startsWith("text:") ? indicator.text : indicator.unit}
          onCancel={() => setEditing(null)}
          validate={(v) => schemaProblem(IndicatorSchema.safeParse(edited(indicator, v)))}
          onSave={(v) => {
            update(edited(indicator, v));
            setEditing(null);
          }}
        />
      ) : !correcting ? null : (
        <div>
          <Act
            label={`Sửa nội dung chỉ tiêu ${indicator.id}`}
            text="Sửa nội dung"
            onClick={() => setEditing(`text:${indicator.id}`)}
          />
          <Act
            label={`Sửa mức theo ô của chỉ tiêu ${indicator.id}`}
            text="Sửa mức theo ô"
            onClick={() => setEditing(`target:${indicator.id}`)}
          />
          <Act
            label={`Sửa đơn vị tính của ${indicator.id}`}
            text="Đơn vị"
            onClick={() => setEditing(`unit:${indicator.id}`)}
          />
          <Act
            label={`Chuyển chỉ tiêu ${indicator.id} lên`}
            text="Lên"
            onClick={() => void withEdits((e, r) => e.moveIndicator(r, indicator.id, -1))}
          />
          <Act
            label={`Chuyển chỉ tiêu ${indicator.id} xuống`}
            text="Xuống"
            onClick={() => void withEdits((e, r) => e.moveIndicator(r, indicator.id, 1))}
          />
          <select
            aria-label={`Chuyển chỉ tiêu ${indicator.id} sang phần khác`}
            value=""
            onChange={(e) => {
              const to = e.target.value;
              if (to) void withEdits((x, r) => x.moveToSection(r, indicator.id, to));
            }}
            style={{ marginRight: 10, fontSize: 12 }}
          >
            <option value="">Sang phần…</option>
            {otherSections.map((id) => (
              <option key={id} value={id}>
                {id}
              </option>
            ))}
          </select>
          <label style={{ marginRight: 10, fontSize: 12 }}>
            <input
              type="checkbox"
              aria-label={`Chỉ tiêu ${indicator.id} cộng dồn (số liệu tích lũy trong năm)`}
              checked={isCumulative(indicator)}
              onChange={(e) => update({ ...indicator, cumulative: e.target.checked })}
            />{" "}
            Cộng dồn
          </label>
          <Act
            label={`Xóa chỉ tiêu ${indicator.id}`}
            text="Xóa"
            onClick={() => void withEdits((e, r) => e.deleteIndicator(r, indicator.id))}
          />
        </div>
      )}
    </li>
  );
}
