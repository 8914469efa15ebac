import { useState } from "react";
import { DefaultButton, PrimaryButton } from "@fluentui/react/lib/Button";
import { MessageBar, MessageBarType } from "@fluentui/react/lib/MessageBar";
import { ProgressIndicator } from "@fluentui/react/lib/ProgressIndicator";
import { Stack } from "@fluentui/react/lib/Stack";
import { Text } from "@fluentui/react/lib/Text";
import { TextField } from "@fluentui/react/lib/TextField";
import { Checkbox } from "@fluentui/react/lib/Checkbox";
import { PERIODS, PERIOD_INFO, type Period } from "../core/periods";
import { DEFAULT_PERIODS } from "../workbook/layout";
import { allIndicators, type Resolution } from "../core/model";
import { formatVietnameseNumber } from "../core/numbers";
import { capitalize } from "../core/text";
import { formatTolerance, readTolerance } from "../core/tolerance";
import { PANE_COLORS } from "../core/palette";
import { carryOver, describeLeftBehind, hasContent, type CarryMode, type MaybePair } from "../workbook/carry";
import { sheetYear } from "../workbook/tracking-row";
import type { Host, InsertMode } from "./host";
import { AssignedPanel } from "./AssignedPanel";
import type { AssignedChoice } from "../workbook/assigned";

type Step =
  | { kind: "idle" }
  | { kind: "busy"; text: string }
  | { kind: "confirm"; mode: CarryMode; sheet: string; carried: number; leftBehind: string[]; maybe: MaybePair[] }
  /** The sheet's year says it is not this year's, or nobody knows: staff choose (semantics section 9). */
  | { kind: "year"; sheet: string; oldYear: number | null; newYear: number | null }
  | { kind: "done"; text: string; warn?: string }
  | { kind: "failed"; text: string };

interface Props {
  host: Host;
  resolution: Resolution;
  tolerance: number;
  /** The periods of the sheet already in the workbook, when there is one. */
  initialPeriods?: readonly Period[];
  onTolerance: (t: number) => void;
  onInserted: () => void;
  disabled: boolean;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function InsertTab({ host, resolution, tolerance, initialPeriods, onTolerance, onInserted, disabled }: Props) {
  const [step, setStep] = useState<Step>({ kind: "idle" });
  const [tolText, setTolText] = useState(formatVietnameseNumber(Number((tolerance * 100).toPrecision(12))));
  const [tolError, setTolError] = useState<string | undefined>();
  const [periods, setPeriods] = useState<readonly Period[]>(initialPeriods ?? DEFAULT_PERIODS);
  // Staff's choice per pair the rule is unsure of, by old sheet row: carry, or leave (the default).
  const [carryPair, setCarryPair] = useState<Record<number, boolean>>({});
  // Targets assigned from above that staff confirmed (written when the sheet is inserted).
  const [assigned, setAssigned] = useState<AssignedChoice | null>(null);
  const togglePeriod = (p: Period, on: boolean) =>
    setPeriods((now) => PERIODS.filter((x) => (x === p ? on : now.includes(x))));
  const count = allIndicators(resolution).length;

  const onToleranceText = (v: string) => {
    setTolText(v);
    const t = readTolerance(v, { percent: true });
    if (!t.ok) return setTolError(t.message);
    setTolError(undefined);
    onTolerance(t.value);
  };

  const insert = async (maybe: readonly MaybePair[] = [], mode: InsertMode = "same-year") => {
    const confirmed = maybe.filter((m) => carryPair[m.row]).map((m) => ({ row: m.row, to: m.to }));
    setStep({ kind: "busy", text: "Đang chèn sổ theo dõi và bảng tổng hợp…" });
    try {
      const r = await host.insert(resolution, tolerance, periods, confirmed, assigned, mode);
      const parts = [`Đã chèn sổ “Theo dõi” (${count} chỉ tiêu), bảng “Tổng hợp” và “Báo cáo”.`];
      if (r.carried > 0)
        parts.push(
          mode === "previous-year"
            ? `Đã lấy số liệu năm trước của ${r.carried} chỉ tiêu làm số liệu cùng kỳ${r.counts ? ` (${r.counts})` : ""}.`
            : `Đã chuyển số liệu, ghi chú của ${r.carried} chỉ tiêu sang sổ mới${r.counts ? ` (${r.counts})` : ""}.`,
        );
      if (r.addedPeriods && r.addedPeriods.length > 0)
        parts.push(
          `Sổ cũ có số liệu ${r.addedPeriods.map((p) => PERIOD_INFO[p].label).join(", ")} nên sổ mới vẫn giữ ${
            r.addedPeriods.length > 1 ? "các kỳ này" : "kỳ này"
          }.`,
        );
      if (r.moved.length > 0)
        parts.push(
          `Theo nội dung chỉ tiêu: ${r.moved.map((m) => `${m.from || "dòng không Mã"} → ${m.to}`).join(", ")}.`,
        );
      if (r.kept.length > 0) parts.push(`Sổ cũ được giữ lại: ${r.kept.join(", ")}.`);
      if (r.oldTolerance !== null)
        parts.push(
          `Dung sai của sổ cũ là ${formatTolerance(r.oldTolerance)}; sổ mới dùng ${formatTolerance(tolerance)} như bạn đã nhập.`,
        );
      if (r.oldToleranceProblem !== null)
        parts.push(
          `Không chuyển dung sai của sổ cũ (${r.oldToleranceProblem}); sổ mới dùng ${formatTolerance(tolerance)}.`,
        );
      setStep({
        kind: "done",
        text: parts.join(" "),
        warn:
          [
            ...(r.notices ?? []),
            r.leftBehind.length > 0
              ? `Không chuyển ${r.leftBehind.length} mục (vẫn nằm ở sổ cũ): ${r.leftBehind.join(" ")}`
              : "",
            r.extras.length > 0
              ? `Excel này chưa nhận một phần thiết lập (${r.extras.join("; ")}); sổ theo dõi vẫn đầy đủ.`
              : "",
          ]
            .filter(Boolean)
            .join(" ") || undefined,
      });
      onInserted();
    } catch (e) {
      const changed = (e as { workbookChanged?: boolean } | null)?.workbookChanged === true;
      setStep({
        kind: "failed",
        text: `Chưa chèn được sổ theo dõi: ${message(e)}.${changed ? "" : " Bảng tính chưa bị thay đổi."}`,
      });
    }
  };

  /** What carrying the sheet in this mode would do, for staff to confirm. */
  const preview = async (mode: CarryMode) => {
    setStep({ kind: "busy", text: "Đang đọc bảng tính…" });
    try {
      const t = (await host.inspect()).tracking;
      if (!t) return await insert();
      const p = carryOver(resolution, t, { mode });
      setCarryPair({});
      setStep({
        kind: "confirm",
        mode,
        sheet: t.name,
        carried: p.carried,
        leftBehind: p.leftBehind.map(describeLeftBehind),
        maybe: p.maybe,
      });
    } catch (e) {
      setStep({ kind: "failed", text: `Không đọc được bảng tính: ${message(e)}` });
    }
  };

  const start = async () => {
    setStep({ kind: "busy", text: "Đang đọc bảng tính…" });
    try {
      const state = await host.inspect();
      const t = state.tracking;
      if (t && (t.rows.some(hasContent) || t.loose.length > 0)) {
        const oldYear = sheetYear(t);
        const newYear = resolution.year;
        // Last year's sheet: its figures are offered as this year's Cùng kỳ (the default action).
        if (oldYear !== null && newYear !== null && oldYear < newYear) return await preview("previous-year");
        // A later year's sheet, or a year nobody knows: staff say what the sheet is.
        if (oldYear === null || newYear === null || oldYear > newYear)
          return setStep({ kind: "year", sheet: t.name, oldYear, newYear });
        return await preview("same-year");
      }
      await insert();
    } catch (e) {
      setStep({ kind: "failed", text: `Không đọc được bảng tính: ${message(e)}` });
    }
  };

  const download = async () => {
    setStep({ kind: "busy", text: "Đang tạo tệp .xlsx…" });
    try {
      const name = await host.download(resolution, tolerance, periods, assigned);
      setStep({
        kind: "done",
        text: `Đã tạo tệp ${name} (${count} chỉ tiêu). Mở bằng Excel hoặc LibreOffice để nhập số liệu.`,
      });
    } catch (e) {
      setStep({ kind: "failed", text: `Chưa tạo được tệp: ${message(e)}` });
    }
  };

  const busy = step.kind === "busy";
  return (
    <Stack tokens={{ childrenGap: 10 }} styles={{ root: { paddingTop: 8 } }}>
      <Text block>
        Sổ theo dõi có một dòng cho mỗi chỉ tiêu ({count} chỉ tiêu); mỗi kỳ có cột “Thực hiện” để nhập số liệu và cột
        “Đánh giá” tự tô màu Vượt / Đạt / Cơ bản đạt / Không đạt; cả năm có thêm “Đánh giá lại”, “Lý do” và “Kết quả”.
        Kèm bảng “Tổng hợp” theo từng phần, sheet “Báo cáo” tự viết lời văn và mỗi kỳ một trang “Biểu” để in kèm báo
        cáo. Màu và công thức vẫn giữ khi gửi tệp cho người không cài phần bổ trợ.
      </Text>
      <fieldset style={{ border: "none", margin: 0, padding: 0 }}>
        <legend style={{ fontWeight: 600, fontSize: 14, marginBottom: 4 }}>Các kỳ đánh giá trong sổ</legend>
        <Stack horizontal tokens={{ childrenGap: 16 }}>
          {PERIODS.map((p) => (
            <Checkbox
              key={p}
              label={capitalize(PERIOD_INFO[p].label)}
              checked={periods.includes(p)}
              onChange={(_e, on) => togglePeriod(p, !!on)}
            />
          ))}
        </Stack>
      </fieldset>
      <TextField
        label="Dung sai cho mức “Cơ bản đạt” (%)"
        value={tolText}
        onChange={(_e, v) => onToleranceText(v ?? "")}
        errorMessage={tolError}
        suffix="%"
        styles={{ root: { maxWidth: 160 } }}
      />
      <AssignedPanel resolution={resolution} chosen={assigned} onChoose={setAssigned} />
      {host.kind === "excel" ? (
        <PrimaryButton
          text="Chèn sổ theo dõi"
          onClick={start}
          disabled={busy || disabled || tolError !== undefined || periods.length === 0}
        />
      ) : (
        <PrimaryButton
          text="Tải sổ theo dõi (.xlsx)"
          onClick={download}
          disabled={busy || tolError !== undefined || periods.length === 0}
        />
      )}
      {busy && <ProgressIndicator label={step.text} ariaValueText={step.text} />}
      {step.kind === "year" && (
        <MessageBar
          messageBarType={MessageBarType.warning}
          isMultiline
          actions={
            <div>
              {step.oldYear === null || step.newYear === null ? (
                <>
                  <DefaultButton
                    text="Sổ của năm trước: lấy làm số liệu cùng kỳ"
                    onClick={() => preview("previous-year")}
                  />
                  <DefaultButton
                    text="Sổ của cùng năm: chuyển số liệu"
                    onClick={() => preview("same-year")}
                    style={{ marginLeft: 8 }}
                  />
                </>
              ) : (
                <DefaultButton text="Chèn sổ mới, không lấy số liệu" onClick={() => insert([], "fresh")} />
              )}
              <DefaultButton text="Hủy" onClick={() => setStep({ kind: "idle" })} style={{ marginLeft: 8 }} />
            </div>
          }
        >
          {step.oldYear === null || step.newYear === null
            ? `Không biết ${step.oldYear === null ? `sổ “${step.sheet}” là của năm nào` : "nghị quyết mới là của năm nào"}${
                step.oldYear !== null ? ` (sổ “${step.sheet}” là năm ${step.oldYear})` : ""
              }${step.newYear !== null ? ` (nghị quyết mới là năm ${step.newYear})` : ""}. Sổ đang có là sổ của năm nào?`
            : `Sổ “${step.sheet}” là sổ năm ${step.oldYear}, sau năm của nghị quyết mới (${step.newYear}): không lấy số liệu của sổ này. Sổ cũ được giữ lại, không xóa gì.`}
        </MessageBar>
      )}
      {step.kind === "confirm" && (
        <MessageBar
          messageBarType={MessageBarType.warning}
          isMultiline
          actions={
            <div>
              <PrimaryButton
                text={step.mode === "previous-year" ? "Lấy số liệu năm trước làm cùng kỳ" : "Chuyển số liệu và chèn"}
                onClick={() => insert(step.maybe, step.mode)}
              />
              {step.mode === "previous-year" && (
                <DefaultButton
                  text="Chèn sổ mới, không lấy số liệu"
                  onClick={() => insert([], "fresh")}
                  style={{ marginLeft: 8 }}
                />
              )}
              <DefaultButton text="Hủy" onClick={() => setStep({ kind: "idle" })} style={{ marginLeft: 8 }} />
            </div>
          }
        >
          {step.mode === "previous-year"
            ? `Sổ “${step.sheet}” là sổ của năm trước. Sẽ lấy số liệu của ${step.carried} chỉ tiêu (theo nội dung chỉ tiêu) làm số liệu cùng kỳ ở các cột “Cùng kỳ” của sổ mới, không đưa vào cột “Thực hiện”; ghi chú và đánh giá lại ở lại sổ cũ; dung sai và lựa chọn “Cộng dồn” được giữ. Sổ cũ được giữ lại, không xóa gì.`
            : `Sổ “${step.sheet}” đang có số liệu hoặc ghi chú. Sẽ chuyển sang sổ mới số liệu, ghi chú của ${step.carried} chỉ tiêu (theo Mã và nội dung chỉ tiêu); sổ cũ được giữ lại, không xóa gì.`}
          {step.maybe.length > 0 && (
            <>
              {" "}
              Có thể là cùng chỉ tiêu ({step.maybe.length} cặp): chọn chuyển hay để lại từng cặp.
              <ul aria-label="Có thể là cùng chỉ tiêu" style={{ margin: "4px 0", paddingLeft: 0, listStyle: "none" }}>
                {step.maybe.map((m) => (
                  <li key={m.row} style={{ marginBottom: 6 }}>
                    <fieldset style={{ border: `1px solid ${PANE_COLORS.frame}`, margin: 0, padding: 6 }}>
                      <legend>
                        {m.what.join(" và ")} (dòng {m.row})
                      </legend>
                      <div style={{ display: "flex", gap: 8 }}>
                        <div style={{ flex: 1 }}>
                          <b>Sổ cũ{m.id ? ` (${m.id})` : ""}:</b> {m.oldText || "(không có nội dung)"}
                        </div>
                        <div style={{ flex: 1 }}>
                          <b>Nghị quyết mới ({m.to}):</b> {m.newText}
                        </div>
                      </div>
                      {(["carry", "leave"] as const).map((c) => (
                        <label key={c} style={{ marginRight: 12 }}>
                          <input
                            type="radio"
                            name={`pair-${m.row}`}
                            checked={(carryPair[m.row] ?? false) === (c === "carry")}
                            onChange={() => setCarryPair((now) => ({ ...now, [m.row]: c === "carry" }))}
                          />{" "}
                          {c === "carry" ? `Chuyển sang ${m.to}` : "Để lại ở sổ cũ"}
                        </label>
                      ))}
                    </fieldset>
                  </li>
                ))}
              </ul>
            </>
          )}
          {step.leftBehind.length > 0 && (
            <>
              {" "}
              Không chuyển được {step.leftBehind.length} mục (vẫn nằm ở sổ cũ):
              <ul aria-label="Không chuyển được" style={{ margin: "4px 0", paddingLeft: 18 }}>
                {step.leftBehind.map((l) => (
                  <li key={l}>{l}</li>
                ))}
              </ul>
            </>
          )}
        </MessageBar>
      )}
      {step.kind === "done" && (
        <MessageBar messageBarType={MessageBarType.success} isMultiline>
          {step.text}
        </MessageBar>
      )}
      {step.kind === "done" && step.warn && (
        <MessageBar messageBarType={MessageBarType.warning} isMultiline>
          {step.warn}
        </MessageBar>
      )}
      {step.kind === "failed" && (
        <MessageBar messageBarType={MessageBarType.error} isMultiline>
          {step.text}
        </MessageBar>
      )}
    </Stack>
  );
}
