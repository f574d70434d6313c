/**
 * The flavors of an MLflow model (its MLmodel file) in the form a model version carries them:
 * `{ <flavor>: { data: { <key>: <string> } } }`, values as strings, nested values as JSON.
 */
import { parse } from "yaml";

export function mlflowFlavors(mlmodel: string): Record<string, { data: Record<string, string> }> | undefined {
  let doc: unknown;
  try {
    doc = parse(mlmodel);
  } catch {
    // An unreadable MLmodel still registers; the service reads the file itself when it needs to.
    return undefined;
  }
  const flavors = (doc as { flavors?: unknown } | null)?.flavors;
  if (typeof flavors !== "object" || flavors === null || Array.isArray(flavors)) return undefined;
  const out: Record<string, { data: Record<string, string> }> = {};
  for (const [name, fields] of Object.entries(flavors)) {
    const data: Record<string, string> = {};
    if (typeof fields === "object" && fields !== null && !Array.isArray(fields)) {
      for (const [k, v] of Object.entries(fields)) {
        if (v === null || v === undefined) continue;
        data[k] = typeof v === "object" ? JSON.stringify(v) : String(v);
      }
    }
    out[name] = { data };
  }
  return out;
}
