import { act, screen } from "@testing-library/react";
import { BUILTIN_RESOLUTION } from "../../src/core/builtin";
import { CONNECTING, boot, type OfficeReady } from "../../src/taskpane/boot";
import { browserHost, type Host } from "../../src/taskpane/host";

/** An Office.js whose onReady answers when the test says so. */
function slowOffice() {
  let answer: ((info: { host: unknown }) => void) | null = null;
  const office: OfficeReady = { onReady: (cb) => (answer = cb), HostType: { Excel: "Excel" } };
  return { office, ready: (host: string) => act(() => answer!({ host })) };
}

const excel = (): Host => ({
  ...browserHost(),
  kind: "excel",
  readBack: async () => null,
  inspect: async () => ({ sheetNames: [], tracking: null, hasToleranceName: false, toleranceRef: null }),
});

describe("starting the pane", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => {
    jest.useRealTimers();
    document.body.innerHTML = "";
  });

  test("Office.onReady arriving after 5 s with Excel gives the Excel host, after the browser fallback", async () => {
    const el = document.body.appendChild(document.createElement("div"));
    const { office, ready } = slowOffice();
    let root!: ReturnType<typeof boot>;
    act(() => void (root = boot(el, office, 3000, { excel, browser: browserHost })));
    expect(screen.getByRole("status").textContent).toBe(CONNECTING);

    await act(async () => void jest.advanceTimersByTime(3000));
    expect(screen.getByRole("tab", { name: "Tải sổ" })).toBeTruthy();

    await act(async () => void jest.advanceTimersByTime(2000));
    await ready("Excel");
    expect(screen.queryByRole("tab", { name: "Tải sổ" })).toBeNull();
    expect(screen.getByRole("tab", { name: "Chèn sổ" })).toBeTruthy();
    expect(screen.getByRole("tab", { name: "Kiểm tra" })).toBeTruthy();
    expect(document.body.textContent).toContain(BUILTIN_RESOLUTION.title);
    act(() => root.unmount());
  });

  test("without Office.js the browser pane shows at once; Office answering 'no host' keeps it", async () => {
    const el = document.body.appendChild(document.createElement("div"));
    let root!: ReturnType<typeof boot>;
    act(() => void (root = boot(el, undefined)));
    expect(screen.getByRole("tab", { name: "Tải sổ" })).toBeTruthy();
    act(() => root.unmount());

    const { office, ready } = slowOffice();
    act(() => void (root = boot(el, office, 3000, { excel, browser: browserHost })));
    await ready("");
    expect(screen.getByRole("tab", { name: "Tải sổ" })).toBeTruthy();
    await act(async () => void jest.advanceTimersByTime(5000));
    expect(screen.queryByRole("tab", { name: "Chèn sổ" })).toBeNull();
    act(() => root.unmount());
  });
});
