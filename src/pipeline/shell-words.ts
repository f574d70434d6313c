/**
 * Splits a component's command into argument arrays the way a POSIX shell would split words,
 * so steps run without a shell: quotes, backslashes, `$VAR` from the step's environment, and
 * `&&` / `;` / newlines between commands. Pipes, redirections and command substitution need a
 * real shell and are refused with the reason.
 */
import { type ErrorLocation, UserError } from "../errors.js";

export interface SplitOptions {
  /** Environment for `$NAME` / `${NAME}` (unquoted or in double quotes). */
  env?: Record<string, string | undefined>;
  where?: ErrorLocation;
}

/** One argv per command; `${{...}}` references are kept whole inside words for later substitution. */
export function splitCommand(command: string, options: SplitOptions = {}): string[][] {
  const env = options.env ?? {};
  const commands: string[][] = [];
  let argv: string[] = [];
  let word = "";
  let inWord = false;
  const refuse = (what: string) => {
    throw new UserError(
      `the command uses ${what}, which needs a shell`,
      options.where ?? {},
      "Local steps run without a shell: move that logic into the step's script, or use `&&` between plain commands",
    );
  };
  const endWord = () => {
    if (inWord) argv.push(word);
    word = "";
    inWord = false;
  };
  const endCommand = () => {
    endWord();
    if (argv.length > 0) commands.push(argv);
    argv = [];
  };
  const expand = (i: number): [string, number] => {
    // At `$`: `${{...}}` is kept as written; `${NAME}` and `$NAME` expand from the environment.
    if (command.startsWith("${{", i)) {
      const end = command.indexOf("}}", i);
      if (end < 0) return ["${{", i + 3];
      return [command.slice(i, end + 2), end + 2];
    }
    if (command[i + 1] === "(") refuse("command substitution `$(...)`");
    if (command[i + 1] === "{") {
      const end = command.indexOf("}", i);
      const name = command.slice(i + 2, end);
      if (end < 0 || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) refuse(`the expansion '${command.slice(i, end + 1)}'`);
      return [env[name] ?? "", end + 1];
    }
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(command.slice(i + 1));
    if (!m) return ["$", i + 1];
    return [env[m[0]] ?? "", i + 1 + m[0].length];
  };
  let i = 0;
  while (i < command.length) {
    const c = command[i];
    if (c === "\\" && command[i + 1] === "\n") {
      i += 2;
    } else if (c === " " || c === "\t" || c === "\r") {
      endWord();
      i++;
    } else if (c === "\n" || c === ";") {
      endCommand();
      i++;
    } else if (c === "&" && command[i + 1] === "&") {
      if (argv.length === 0 && !inWord) refuse("`&&` with no command before it");
      endCommand();
      i += 2;
    } else if (c === "#" && !inWord) {
      while (i < command.length && command[i] !== "\n") i++;
    } else if (c === "|") {
      refuse(command[i + 1] === "|" ? "`||`" : "a pipe `|`");
    } else if (c === ">" || c === "<") {
      refuse(`a redirection \`${c}\``);
    } else if (c === "&") {
      refuse("a background `&`");
    } else if (c === "`") {
      refuse("command substitution with backquotes");
    } else if (c === "'") {
      const end = command.indexOf("'", i + 1);
      if (end < 0)
        throw new UserError("the command has an unclosed single quote", options.where ?? {}, "Close the quote");
      word += command.slice(i + 1, end);
      inWord = true;
      i = end + 1;
    } else if (c === '"') {
      inWord = true;
      i++;
      for (;;) {
        if (i >= command.length)
          throw new UserError("the command has an unclosed double quote", options.where ?? {}, "Close the quote");
        const d = command[i];
        if (d === '"') {
          i++;
          break;
        }
        if (d === "\\" && '"\\$`\n'.includes(command[i + 1] ?? "")) {
          if (command[i + 1] !== "\n") word += command[i + 1];
          i += 2;
        } else if (d === "$") {
          const [text, next] = expand(i);
          word += text;
          i = next;
        } else if (d === "`") {
          refuse("command substitution with backquotes");
        } else {
          word += d;
          i++;
        }
      }
    } else if (c === "\\") {
      word += command[i + 1] ?? "";
      inWord = true;
      i += 2;
    } else if (c === "$") {
      const [text, next] = expand(i);
      word += text;
      // An unquoted expansion to nothing is no word at all, as in a shell.
      inWord = inWord || text !== "" || command.startsWith("${{", i);
      i = next;
    } else {
      word += c;
      inWord = true;
      i++;
    }
  }
  endCommand();
  return commands;
}
