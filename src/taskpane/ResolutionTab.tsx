import { useRef, useState, type ChangeEvent } from "react";
import { DefaultButton, PrimaryButton } from "@fluentui/react/lib/Button";
import { MessageBar, MessageBarType } from "@fluentui/react/lib/MessageBar";
import { Stack } from "@fluentui/react/lib/Stack";
import { Text } from "@fluentui/react/lib/Text";
import { TextField } from "@fluentui/react/lib/TextField";
import { BUILTIN_RESOLUTION } from "../core/builtin";
import type { Indicator, ParseWarning, Resolution } from "../core/model";
import { saveFile } from "./download";
import { Act } from "./resolution/Act";
import { IndicatorRow } from "./resolution/IndicatorRow";
import { InlineField } from "./resolution/InlineField";
import { WarningRow } from "./resolution/WarningRow";

type Line = { line: number; indicator?: Indicator; warning?: ParseWarning };

const PAGE = 200;

/** The sections with at most `limit` indicators in all (the rest drawn on request). */
function pagedSections(r: Resolution, limit: number) {
  let left = limit;
  const out: Resolution["sections"] = [];
  for (const s of r.sections) {
    if (left <= 0) break;
    out.push({ ...s, indicators: s.indicators.slice(0, left) });
    left -= s.indicators.length;
  }
  return out;
}

/** The section a warning's line falls in: the last one starting at or before it (else the first). */
function warningSection(r: Resolution, w: ParseWarning): string {
  let at = r.sections[0]!.id;
  for (const s of r.sections) {
    const first = s.indicators[0]?.line;
    if (first !== undefined && first - 1 <= w.line) at = s.id;
  }
  return at;
}

export interface ResolutionTabProps {
  resolution: Resolution;
  onChange: (r: Resolution) => void;
}

export function ResolutionTab({ resolution, onChange }: ResolutionTabProps) {
  const [mode, setMode] = useState<"builtin" | "paste">("builtin");
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const file = useRef<HTMLInputElement>(null);
  const reader = () => import(/* webpackChunkName: "reader" */ "./reader");
  const [history, setHistory] = useState<Resolution[]>([]);
  /** How many indicators are drawn: a long reading is drawn a page at a time, so the pane stays quick. */
  const [shown, setShown] = useState(PAGE);
  /** The correction controls appear on request: most readings need none, and the list stays light. */
  const [correcting, setCorrecting] = useState(false);
  /** What is being edited in place: "text:I.2.b", "unit:I.2.b", "title:II", "add:II". */
  const [editing, setEditing] = useState<string | null>(null);
  // The latest reading, also between a click and the next render: quick successive edits all count.
  const latest = useRef(resolution);
  latest.current = resolution;
  const apply = (next: Resolution) => {
    const prev = latest.current;
    if (next === prev) return;
    latest.current = next;
    setHistory((h) => [...h.slice(-49), prev]);
    onChange(next);
  };
  const undo = () => {
    const prev = history.at(-1);
    if (!prev) return;
    setHistory((h) => h.slice(0, -1));
    latest.current = prev;
    onChange(prev);
    setNotice("Đã hoàn tác thay đổi vừa rồi.");
  };
  /** Replaces an indicator with an edited one, once the reader has checked it. */
  const update = (id: string, next: Indicator) =>
    void reader().then((x) => {
      const r = x.updateIndicator(latest.current, id, next);
      if (typeof r !== "string") apply(r);
    });
  const withEdits = async (f: (e: Awaited<ReturnType<typeof reader>>, r: Resolution) => Resolution) => {
    const e = await reader();
    apply(f(e, latest.current));
  };

  const adopt = (r: Resolution, what: string) => {
    setError(null);
    setNotice(
      `${what}: ${r.sections.reduce((n, s) => n + s.indicators.length, 0)} chỉ tiêu trong ${r.sections.length} phần.`,
    );
    onChange(r);
  };
  const read = async () => {
    const { ResolutionTextError, parseResolution } = await reader();
    try {
      adopt(parseResolution(text), "Đã đọc nghị quyết");
    } catch (e) {
      setNotice(null);
      setError(e instanceof ResolutionTextError ? e.message : `Không đọc được văn bản: ${(e as Error).message}`);
    }
  };
  const importFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    e.target.value = "";
    if (f) await importOne(f);
  };
  const importOne = async (f: File) => {
    setBusy(`Đang đọc tệp ${f.name}…`);
    const { InputError, ResolutionTextError, resolutionFromText } = await reader();
    try {
      const { fileText } = await import(/* webpackChunkName: "file-import" */ "./file-import");
      const content = await fileText(f);
      try {
        adopt(resolutionFromText(content, `Tệp "${f.name}"`), `Đã nhập tệp ${f.name}`);
      } catch (err) {
        if (!(err instanceof InputError && /không phải JSON hợp lệ/u.test(err.message))) throw err;
        // Only a broken JSON file needs the locator: load it then, to say where the error is.
        const { locateJsonError } = await import(/* webpackChunkName: "json-locate" */ "../core/json-locate");
        resolutionFromText(content, `Tệp "${f.name}"`, locateJsonError);
      }
    } catch (err) {
      setNotice(null);
      setError(
        err instanceof InputError
          ? err.message
          : err instanceof ResolutionTextError
            ? `Tệp "${f.name}": ${err.message}`
            : `Không đọc được tệp "${f.name}": ${(err as Error).message}`,
      );
    } finally {
      setBusy(null);
    }
  };
  const edit = (sectionId: string, ind: Indicator) =>
    apply({
      ...latest.current,
      sections: latest.current.sections.map((s) =>
        s.id !== sectionId ? s : { ...s, indicators: s.indicators.map((i) => (i.id === ind.id ? ind : i)) },
      ),
    });

  return (
    <Stack
      tokens={{ childrenGap: 10 }}
      styles={{ root: { paddingTop: 8 } }}
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes("Files")) e.preventDefault();
      }}
      onDrop={(e) => {
        const f = e.dataTransfer.files[0];
        if (!f) return;
        e.preventDefault();
        void importOne(f);
      }}
      onKeyDown={(e) => {
        const inField = (e.target as HTMLElement).closest("input, textarea");
        if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "z" && !inField) {
          e.preventDefault();
          undo();
        }
      }}
    >
      <Text as="h2" variant="medium" block styles={{ root: { fontWeight: 600, margin: 0 } }} id="chon-nghi-quyet">
        Nghị quyết dùng để lập sổ
      </Text>
      <Stack horizontal wrap tokens={{ childrenGap: 8 }} role="group" aria-labelledby="chon-nghi-quyet">
        <DefaultButton
          toggle
          checked={mode === "builtin"}
          text="Nghị quyết mẫu 2022 (phường Trần Phú)"
          onClick={() => {
            setMode("builtin");
            adopt(BUILTIN_RESOLUTION, "Đang dùng nghị quyết mẫu");
          }}
        />
        <DefaultButton
          toggle
          checked={mode === "paste"}
          text="Dán văn bản nghị quyết"
          onClick={() => setMode("paste")}
        />
      </Stack>
      {mode === "paste" && (
        <>
          <TextField
            label="Văn bản nghị quyết"
            multiline
            rows={8}
            value={text}
            onChange={(_e, v) => setText(v ?? "")}
            placeholder={"I. CÔNG TÁC XÂY DỰNG ĐẢNG\n1. Kết nạp từ 3 - 5 đảng viên; ..."}
          />
          <PrimaryButton text="Đọc nghị quyết" onClick={read} disabled={text.trim() === ""} />
        </>
      )}
      <Stack horizontal wrap tokens={{ childrenGap: 8 }}>
        <DefaultButton
          text="Nhập tệp (.docx, .pdf, .txt, .json)…"
          onClick={() => file.current?.click()}
          disabled={busy !== null}
        />
        <DefaultButton
          toggle
          checked={correcting}
          text="Sửa kết quả đọc"
          ariaLabel="Sửa kết quả đọc: xóa, thêm, chuyển chỉ tiêu, sửa nội dung, đơn vị, tên phần"
          onClick={() => setCorrecting((c) => !c)}
        />
        <DefaultButton
          text="Hoàn tác"
          iconProps={undefined}
          ariaLabel="Hoàn tác thay đổi vừa rồi (Ctrl+Z)"
          disabled={history.length === 0}
          onClick={undo}
        />
        <DefaultButton
          text="Xuất JSON"
          onClick={() =>
            saveFile(
              `nghi-quyet-${resolution.year ?? "chi-tieu"}.json`,
              `${JSON.stringify(resolution, null, 2)}\n`,
              "application/json",
            )
          }
        />
        <input
          ref={file}
          type="file"
          accept=".docx,.pdf,.json,.txt,application/json,text/plain,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          hidden
          onChange={importFile}
          aria-label="Chọn tệp nghị quyết"
        />
      </Stack>
      {busy && (
        <Text role="status" block>
          {busy}
        </Text>
      )}
      {error && (
        <MessageBar messageBarType={MessageBarType.error} isMultiline>
          <span style={{ whiteSpace: "pre-wrap" }}>{error}</span>
        </MessageBar>
      )}
      {notice && <MessageBar messageBarType={MessageBarType.success}>{notice}</MessageBar>}
      {resolution.warnings.length > 0 && (
        <MessageBar messageBarType={MessageBarType.warning} isMultiline>
          {resolution.warnings.length} dòng có số liệu nhưng chưa đọc được thành chỉ tiêu (xem các dòng đánh dấu bên
          dưới).
        </MessageBar>
      )}
      {pagedSections(resolution, shown).map((s) => {
        // Indicators in the reading's order (staff may have moved them); each warning before the
        // first indicator read from a later line.
        const pending = resolution.warnings
          .filter((w) => warningSection(resolution, w) === s.id)
          .sort((a, b) => a.line - b.line);
        const lines: Line[] = [];
        for (const i of s.indicators) {
          while (pending.length > 0 && i.line !== undefined && pending[0]!.line < i.line)
            lines.push({ line: pending[0]!.line, warning: pending.shift()! });
          lines.push({ line: i.line ?? 0, indicator: i });
        }
        for (const w of pending) lines.push({ line: w.line, warning: w });
        return (
          <section key={s.id} aria-labelledby={`sec-${s.id}`}>
            <Text
              as="h2"
              id={`sec-${s.id}`}
              variant="mediumPlus"
              block
              styles={{ root: { fontWeight: 600, margin: "8px 0 4px" } }}
            >
              {s.id}. {s.title}
            </Text>
            {editing === `title:${s.id}` ? (
              <InlineField
                label={`Tên phần ${s.id}`}
                initial={s.title}
                onCancel={() => setEditing(null)}
                validate={(v) => (v.trim() === "" ? "Tên phần không được để trống." : null)}
                onSave={(v) => {
                  void withEdits((e, r) => e.renameSection(r, s.id, v.trim()));
                  setEditing(null);
                }}
              />
            ) : editing === `add:${s.id}` ? (
              <InlineField
                label={`Nội dung chỉ tiêu mới của phần ${s.id}`}
                initial=""
                onCancel={() => setEditing(null)}
                validate={(v) => (v.trim() === "" ? "Hãy gõ nội dung chỉ tiêu, ví dụ “Kết nạp 3 đảng viên”." : null)}
                onSave={(v) => {
                  void withEdits((e, r) => e.addIndicator(r, s.id, v).resolution);
                  setEditing(null);
                }}
              />
            ) : !correcting ? null : (
              <div>
                <Act label={`Đổi tên phần ${s.id}`} text="Đổi tên phần" onClick={() => setEditing(`title:${s.id}`)} />
                <Act
                  label={`Thêm chỉ tiêu vào phần ${s.id}`}
                  text="Thêm chỉ tiêu"
                  onClick={() => setEditing(`add:${s.id}`)}
                />
              </div>
            )}
            <ul style={{ listStyle: "none", padding: 0, margin: 0 }}>
              {lines.map((l) =>
                l.indicator ? (
                  <IndicatorRow
                    key={l.indicator.id}
                    indicator={l.indicator}
                    otherSections={resolution.sections.filter((x) => x.id !== s.id).map((x) => x.id)}
                    editing={editing}
                    setEditing={setEditing}
                    correcting={correcting}
                    update={(next) => update(l.indicator!.id, next)}
                    replace={(i) => edit(s.id, i)}
                    withEdits={(f) => void withEdits(f)}
                  />
                ) : (
                  <WarningRow
                    key={`w${l.line}${l.warning!.reason}`}
                    warning={l.warning!}
                    sectionId={s.id}
                    withEdits={(f) => void withEdits(f)}
                  />
                ),
              )}
            </ul>
          </section>
        );
      })}
      {allIndicatorsCount(resolution) > shown && (
        <DefaultButton
          text={`Hiện thêm (còn ${allIndicatorsCount(resolution) - shown} chỉ tiêu)`}
          onClick={() => setShown((n) => n + PAGE)}
        />
      )}
    </Stack>
  );
}

const allIndicatorsCount = (r: Resolution) => r.sections.reduce((n, s) => n + s.indicators.length, 0);
