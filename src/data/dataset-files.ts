import { parse as parseYaml } from "yaml";
import { UserError } from "../errors.js";
import { DATA_EXTENSIONS, dataExt } from "./read.js";
import { type DataFile, readRange } from "./source.js";

/** A file of a dataset and its path inside the dataset (forward slashes). */
export interface DatasetEntry {
  rel: string;
  file: DataFile;
}

/** MLTable's `pattern` glob (`*`, `**`) as a regular expression over relative paths. */
export function globToRegExp(pattern: string): RegExp {
  return new RegExp(
    `^${pattern
      .replace(/^\.\//, "")
      .replace(/[.+^${}()|[\]\\]/g, "\\$&")
      .replace(/\*\*\/?/g, "(.*/)?")
      .replace(/\*/g, "[^/]*")}$`,
  );
}

/**
 * The data files among a dataset's files, the way a local folder is read: a single file as it is,
 * an MLTable's `paths:` when the dataset has an MLTable file, else every data file in path order.
 */
export async function selectDatasetFiles(entries: DatasetEntry[], label: string, input: string): Promise<DataFile[]> {
  if (entries.length === 1 && entries[0].rel !== "MLTable") return [entries[0].file];
  const sorted = [...entries].sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  const isData = (e: DatasetEntry) =>
    DATA_EXTENSIONS.includes(dataExt(e.rel)) && !e.rel.split("/").some((s) => s.startsWith("."));
  const mltable = sorted.find((e) => e.rel === "MLTable");
  let chosen: DataFile[];
  if (mltable) {
    const text = (await readRange(mltable.file, 0, mltable.file.size)).toString("utf8");
    const doc = parseYaml(text) as { paths?: Record<string, string>[] } | null;
    if (!doc?.paths?.length) {
      throw new UserError(
        "MLTable has no `paths:`",
        { input, file: mltable.file.path },
        "List the data files under paths: (- file: ./data.csv)",
      );
    }
    chosen = [];
    for (const entry of doc.paths) {
      const target = (entry.file ?? entry.folder ?? entry.pattern ?? "").replace(/^\.\//, "").replace(/\/$/, "");
      if (!target || /^[a-z]+:\/\//i.test(target)) {
        throw new UserError(
          `MLTable path '${JSON.stringify(entry)}' is not a file, folder or pattern inside the dataset`,
          { input, file: mltable.file.path },
          "Use paths relative to the MLTable file",
        );
      }
      const re = entry.pattern ? globToRegExp(target) : undefined;
      for (const e of sorted) {
        const hit = re
          ? re.test(e.rel) && isData(e)
          : entry.file
            ? e.rel === target
            : e.rel.startsWith(`${target}/`) && isData(e);
        if (hit && !chosen.includes(e.file)) chosen.push(e.file);
      }
    }
  } else chosen = sorted.filter(isData).map((e) => e.file);
  if (chosen.length === 0) {
    throw new UserError(
      `dataset ${label} holds no CSV, JSON Lines or Parquet files`,
      { input },
      `Register files ending in ${DATA_EXTENSIONS.join(", ")} (optionally .gz)`,
    );
  }
  return chosen;
}
