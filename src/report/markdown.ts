/** Small Markdown builders shared by job summaries and PR comments. */

/**
 * Escapes a cell so data cannot break the table: a backslash first (so `a\|b` does not turn the
 * escape of its pipe into a literal backslash and a bare pipe), then pipes; a line break, which
 * would end the row, becomes `<br>`.
 */
export function cell(value: unknown): string {
  return String(value ?? "")
    .replace(/\\/g, "\\\\")
    .replace(/\|/g, "\\|")
    .replace(/\r\n|\r|\n/g, "<br>");
}

/** A Markdown table; every header and cell goes through `cell`. The one way tables are built. */
export function table(header: readonly unknown[], rows: readonly (readonly unknown[])[]): string {
  const lines = [`| ${header.map(cell).join(" | ")} |`, `| ${header.map(() => "---").join(" | ")} |`];
  for (const row of rows) lines.push(`| ${row.map(cell).join(" | ")} |`);
  return lines.join("\n");
}

/** A number for a report: up to 4 significant digits, no exponent for ordinary magnitudes. */
export function num(value: number | undefined): string {
  if (value === undefined || Number.isNaN(value)) return "–";
  if (!Number.isFinite(value)) return value > 0 ? "∞" : "-∞";
  if (value !== 0 && (Math.abs(value) >= 1e6 || Math.abs(value) < 1e-3)) return value.toExponential(2);
  return String(Number(value.toPrecision(4)));
}

const BARS = "▁▂▃▄▅▆▇█";

/** A one-line histogram (sparkline) of counts, for comparing distributions in a table cell. */
export function sparkline(counts: number[]): string {
  const max = Math.max(...counts, 0);
  if (max === 0) return "";
  return counts.map((c) => BARS[Math.min(BARS.length - 1, Math.floor((c / max) * (BARS.length - 1)))]).join("");
}

export function details(summary: string, body: string): string {
  return `<details><summary>${summary}</summary>\n\n${body}\n\n</details>`;
}
