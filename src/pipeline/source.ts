/**
 * A YAML file read with its positions kept, so every error can name file:line:column.
 * The `yaml` package keeps node ranges; a LineCounter turns offsets into lines and columns.
 */
import { readFile } from "node:fs/promises";
import { type Document, isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from "yaml";
import { type ErrorLocation, UserError } from "../errors.js";
import { unreadable } from "../util/files.js";

export type Path = readonly (string | number)[];

export class YamlSource {
  private readonly positions = new Map<string, { line: number; column: number }>();

  constructor(
    readonly file: string,
    readonly doc: Document,
    private readonly lines: LineCounter,
  ) {
    this.index(doc.contents as Node | null, []);
  }

  /** The document as plain data. */
  value(): unknown {
    return this.doc.toJS({ maxAliasCount: 1000 });
  }

  /** Where `path` is written: the key's position for a map entry, the item's for a list item. */
  at(path: Path): ErrorLocation {
    for (let n = path.length; n >= 0; n--) {
      const pos = this.positions.get(key(path.slice(0, n)));
      if (pos) return { file: this.file, line: pos.line, column: pos.column };
    }
    return { file: this.file };
  }

  /** Position of the value at `path` (not its key), for errors inside a value such as an expression. */
  valueAt(path: Path): ErrorLocation {
    const pos = this.positions.get(`${key(path)}#v`);
    return pos ? { file: this.file, ...pos } : this.at(path);
  }

  private mark(path: Path, offset: number | undefined, suffix = ""): void {
    if (offset === undefined) return;
    const { line, col } = this.lines.linePos(offset);
    this.positions.set(key(path) + suffix, { line, column: col });
  }

  private index(node: Node | null | undefined, path: Path): void {
    if (!node) return;
    this.mark(path, node.range?.[0], "#v");
    if (isMap(node)) {
      for (const pair of node.items) {
        const k = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        const child = [...path, k];
        this.mark(child, (pair.key as Node | null)?.range?.[0]);
        this.index(pair.value as Node | null, child);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        this.mark([...path, i], (item as Node | null)?.range?.[0]);
        this.index(item as Node | null, [...path, i]);
      });
    }
  }
}

function key(path: Path): string {
  return path.map(String).join("\u0000");
}

/** Parses YAML text; a syntax error is a UserError at its line and column. */
export function parseYaml(file: string, text: string): YamlSource {
  // YAML forbids control characters other than tab and line breaks; the parser lets a NUL through
  // into a command, where it fails the step with a raw system error.
  const bad = /(?![\t\n\r\u0085])\p{Cc}/u.exec(text);
  if (bad) {
    const before = text.slice(0, bad.index).split("\n");
    throw new UserError(
      `contains the control character U+${bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}, which YAML does not allow`,
      { subject: "pipeline", file, line: before.length, column: (before.at(-1)?.length ?? 0) + 1 },
      "Remove it (a binary file, or a copy and paste gone wrong?)",
    );
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const first = doc.errors[0];
  if (first) {
    const { line, col } = lines.linePos(first.pos[0]);
    const what = first.message.split("\n")[0];
    throw new UserError(
      `malformed YAML: ${what}`,
      { subject: "pipeline", file, line, column: col },
      "Fix the YAML syntax at that position",
    );
  }
  return new YamlSource(file, doc, lines);
}

export async function readYaml(file: string): Promise<YamlSource> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new UserError(
      `'${file}' ${unreadable(error)}`,
      { subject: "pipeline" },
      "Give the path of a YAML file in the checkout",
    );
  }
  return parseYaml(file, text);
}
