import { readFile } from "node:fs/promises";
import { UserError } from "../../errors.js";
import { unreadable } from "../../util/files.js";
import type { ScoreResponse } from "../../workspace/workspace.js";

/** Why a scoring answer is not acceptable (non-2xx, or a body that is not JSON), or undefined. */
export function answerProblem(answer: ScoreResponse): string | undefined {
  const body = answer.body.length > 300 ? `${answer.body.slice(0, 300)}…` : answer.body;
  if (answer.status < 200 || answer.status > 299) return `HTTP ${answer.status}: ${body}`;
  try {
    JSON.parse(answer.body);
    return undefined;
  } catch {
    return `HTTP ${answer.status} with a body that is not JSON: ${body}`;
  }
}

/** Reads a JSON request file; a syntax error names the file, line and column. */
export async function readJsonRequest(path: string, input: string): Promise<string> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    // A folder is not "does not exist".
    throw new UserError(`'${path}' ${unreadable(error)}`, { input }, "Give a JSON request file in the checkout");
  }
  try {
    JSON.parse(text);
  } catch (error) {
    const offset = jsonErrorOffset(text);
    const where: { input: string; file: string; line?: number; column?: number } = { input, file: path };
    if (offset !== undefined) {
      const before = text.slice(0, offset);
      where.line = before.split("\n").length;
      where.column = offset - before.lastIndexOf("\n");
    }
    throw new UserError(
      `is not valid JSON (${firstLine((error as Error).message)})`,
      where,
      "Fix the request so it parses as JSON",
    );
  }
  return text;
}

function firstLine(message: string): string {
  const line = message.split("\n")[0].replace(/ in JSON at position.*$/, "");
  return line.length > 80 ? `${line.slice(0, 80)}…` : line;
}

/**
 * Where a JSON text first goes wrong (a character offset), or undefined when it parses. Node
 * 20's JSON.parse does not always say, and a user needs the line and column.
 */
export function jsonErrorOffset(text: string): number | undefined {
  let i = 0;
  const ws = () => {
    while (i < text.length && " \t\r\n".includes(text[i])) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail();
  };
  const string = () => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text.charCodeAt(i) < 0x20) fail();
      if (text[i] === "\\") {
        i++;
        if (text[i] === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail();
          i += 4;
        } else if (!'"\\/bfnrt'.includes(text[i] ?? "x")) fail();
      }
      i++;
    }
    if (text[i] !== '"') fail();
    i++;
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!m) fail();
    i += (m as RegExpExecArray)[0].length;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === "{") {
      i++;
      ws();
      if (text[i] === "}") {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail();
        string();
        ws();
        if (text[i] !== ":") fail();
        i++;
        value();
        ws();
        if (text[i] === ",") i++;
        else if (text[i] === "}") {
          i++;
          return;
        } else fail();
      }
    }
    if (c === "[") {
      i++;
      ws();
      if (text[i] === "]") {
        i++;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[i] === ",") i++;
        else if (text[i] === "]") {
          i++;
          return;
        } else fail();
      }
    }
    if (c === '"') string();
    else if (c === "t") literal("true");
    else if (c === "f") literal("false");
    else if (c === "n") literal("null");
    else number();
  };
  try {
    value();
    ws();
    if (i < text.length) fail();
    return undefined;
  } catch (offset) {
    if (typeof offset === "number") return Math.min(offset, text.length);
    throw offset;
  }
}
