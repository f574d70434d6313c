/**
 * `set` overrides (`inputs.learning_rate=0.1`, `jobs.train.compute=gpu`), applied to the YAML
 * document before it is parsed, so everything downstream sees one document.
 */
import { isMap, isScalar, parse as parseScalar } from "yaml";
import type { ErrorLocation } from "../errors.js";
import type { Problems } from "./problems.js";
import type { YamlSource } from "./source.js";
import { suggestion } from "./suggest.js";

const TOP = [
  "inputs",
  "outputs",
  "jobs",
  "settings",
  "display_name",
  "experiment_name",
  "description",
  "tags",
  "compute",
  "name",
];

export function applyOverrides(src: YamlSource, overrides: readonly string[], problems: Problems): void {
  for (const entry of overrides) {
    const eq = entry.indexOf("=");
    const where: ErrorLocation = { subject: "overrides" };
    if (eq <= 0) {
      problems.add(
        `override '${entry}' is not path=value`,
        where,
        "Write one override per line, such as `inputs.learning_rate=0.1`",
      );
      continue;
    }
    const path = entry.slice(0, eq).trim().split(".");
    const text = entry.slice(eq + 1).trim();
    if (!TOP.includes(path[0]) || path.some((p) => p === "")) {
      problems.add(`override '${entry}' names '${path[0]}'`, where, `Start the path with one of: ${TOP.join(", ")}`);
      continue;
    }
    // A misspelt name would add a pipeline input or job nothing uses, and the run would go on silently.
    if ((path[0] === "inputs" || path[0] === "jobs") && path.length > 1 && !src.doc.hasIn(path.slice(0, 2))) {
      const declared = src.doc.getIn([path[0]]);
      const names = isMap(declared) ? declared.items.map((i) => String(isScalar(i.key) ? i.key.value : i.key)) : [];
      const what = path[0] === "inputs" ? "input" : "job";
      problems.add(
        `override '${entry}' names the ${what} '${path[1]}', which the pipeline does not have`,
        where,
        suggestion(path[1], names, `one of its ${what}s`),
      );
      continue;
    }
    let value: unknown;
    try {
      value = text === "" ? null : parseScalar(text);
    } catch {
      value = text;
    }
    // `inputs.x=value` on a data input or a typed literal sets its path or value, as `az ml job create --set` does.
    const current = src.doc.getIn(path);
    const cur =
      current && typeof current === "object" && "toJSON" in current
        ? (current as { toJSON(): unknown }).toJSON()
        : current;
    if (cur && typeof cur === "object" && !Array.isArray(cur) && (typeof value !== "object" || value === null)) {
      const c = cur as Record<string, unknown>;
      if ("path" in c) path.push("path");
      else if ("value" in c) path.push("value");
      else if ("default" in c) path.push("default");
    }
    src.doc.setIn(path, value);
  }
}
