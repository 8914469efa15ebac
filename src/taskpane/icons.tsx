import { registerIcons } from "@fluentui/react/lib/Styling";

/** The few icons Fluent's MessageBar and Checkbox use, as inline SVG: no icon font fetched from a CDN. */
const path = (d: string) => (
  <svg viewBox="0 0 16 16" width="1em" height="1em" aria-hidden="true" focusable="false">
    <path d={d} fill="currentColor" />
  </svg>
);
const CIRCLE = "M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1z";

let done = false;
export function registerPaneIcons(): void {
  if (done) return;
  done = true;
  registerIcons({
    icons: {
      Info: path(`${CIRCLE}m-.75 3.5h1.5v1.5h-1.5zm0 3h1.5v4.5h-1.5z`),
      ErrorBadge: path(`${CIRCLE}m-.75 3h1.5v5h-1.5zm0 6h1.5v1.5h-1.5z`),
      Blocked2: path(`${CIRCLE}M4.5 7.25h7v1.5h-7z`),
      Warning: path("M8 1l7 13H1zm-.75 4.5v4h1.5v-4zm0 5v1.5h1.5v-1.5z"),
      Completed: path(`${CIRCLE}M6.9 10.6 4.2 7.9l1-1 1.7 1.7 3.9-3.9 1 1z`),
      Clear: path("M3.5 2.5 8 7l4.5-4.5 1 1L9 8l4.5 4.5-1 1L8 9l-4.5 4.5-1-1L7 8 2.5 3.5z"),
      ChevronDown: path("M3 5.5 8 10.5l5-5 1 1-6 6-6-6z"),
      ChevronUp: path("M3 10.5 8 5.5l5 5 1-1-6-6-6 6z"),
      CheckMark: path("M6 11.6 2.4 8l1.1-1.1L6 9.4l6.5-6.5 1.1 1.1z"),
    },
  });
}
