/**
 * Checks a request body against the vendored Azure ML REST specification (Swagger 2.0 with Azure's
 * extensions, test/fixtures/rest-spec/<api-version>/), so the emulator refuses what the service
 * refuses. Hand-written: the generic OpenAPI validators on npm either ignore Azure's extensions
 * (x-ms-discriminator-value, x-nullable, x-ms-enum) or, like Azure's own `oav`, bring a large
 * toolchain; the rules below are the few the service applies, and each says why.
 *
 * What the service does with a body, and so what this does:
 * - A missing required property, a value of the wrong JSON type, a string outside an enum, an
 *   unknown discriminator value or a property the (concrete) type does not declare is refused (400).
 *   The service deserialises with member checks on: an undeclared member is an error, not dropped.
 * - Enums are matched without regard to case (the service's enum parsing ignores case), even when
 *   `x-ms-enum.modelAsString` is true: that flag tells client generators to keep an open string
 *   type, but the service still knows the list for its api-version (it refuses `mode: "mount"` for
 *   OutputDeliveryMode). A value that matches only in another casing is a warning: the SDK sends the
 *   spec's casing, and so should we.
 * - Property names are matched without regard to case too (warning when the casing differs).
 * - A readOnly property is ignored by the service: warning, not refused.
 * - null is accepted where the spec says `x-nullable`; elsewhere, on an optional property, it reads
 *   as absent (warning); on a required one it is refused.
 * - A numeric string where a number is declared, or a number where a string is declared, is
 *   converted by the service's deserialiser: warning.
 * - Objects the spec leaves open (`additionalProperties: {}` or `true`, or `type: object` with no
 *   declared properties, such as PipelineJob.jobs and settings) pass through unchecked, with two
 *   exceptions the service's own parsing implies: a pipeline node's data inputs and outputs are
 *   read as JobInput / JobOutput (in the SDK's snake_case), and a component's output `type` must be
 *   a JobOutputType value or a primitive.
 * - The spec's unanchored pattern `[a-zA-Z0-9_]` on [Required] strings stands for the service's
 *   "not null or white space" rule: a blank value is refused, a value without letters is not.
 * - Formats checked: uuid, date-time, duration (ISO 8601), int32 range; others are not.
 *
 * Checked against the Python SDK's recorded request bodies (test/azureml/spec-validator.test.ts):
 * none is refused, so this is not stricter than the service for what the SDK sends.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const DEFAULT_SPEC_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "rest-spec");

export type SpecIssueCode =
  | "RequiredPropertyMissing"
  | "InvalidType"
  | "InvalidEnumValue"
  | "UnknownProperty"
  | "InvalidDiscriminatorValue"
  | "InvalidFormat"
  | "InvalidLength"
  | "PatternMismatch"
  | "ReadOnlyProperty"
  | "CasingMismatch"
  | "NullValue"
  | "ConvertedValue"
  | "NoSuchOperation"
  | "MissingBody"
  | "UnknownApiVersion";

export interface SpecIssue {
  severity: "error" | "warning";
  code: SpecIssueCode;
  /** JSON path in the body, as the service names it: `properties.outputs.model.mode`. */
  target: string;
  message: string;
}

export interface SpecCheck {
  apiVersion: string;
  method: string;
  path: string;
  /** The spec's operationId, when an operation matched. */
  operationId?: string;
  errors: SpecIssue[];
  warnings: SpecIssue[];
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
// biome-ignore lint/suspicious/noExplicitAny: a Swagger schema is open-ended JSON
type Schema = Record<string, any>;

/** A schema together with the file it was read from (its `$ref`s are relative to that file). */
interface Node {
  schema: Schema;
  file: string;
  /** `file#/definitions/Name` when the schema is a named definition. */
  key?: string;
}

interface Flat {
  name: string;
  properties: Map<string, Node>;
  required: Set<string>;
  discriminator?: string;
  /** undefined: not said; false: closed; a Node: each extra value must match it; true: open. */
  additional?: Node | boolean;
}

interface Route {
  method: string;
  segments: string[];
  literals: number;
  /** The segment of a parameter that stands for a whole ARM id (x-ms-skip-url-encoding): it spans one or more segments. */
  spanning?: number;
  operation: Schema;
  pathItem: Schema;
  file: string;
}

const NOT_BLANK = "[a-zA-Z0-9_]";
/** Component ports may also be primitives (control outputs), besides the spec's asset types. */
const PRIMITIVES = ["string", "integer", "number", "boolean"];
const HTTP_METHODS = ["get", "put", "post", "patch", "delete", "head"];
const FORMATS: Record<string, RegExp> = {
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  "date-time": /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/,
  // ISO 8601 durations, which is what the service parses (P7D, PT30M, P1DT2H3.5S).
  duration: /^-?P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+(\.\d+)?D)?(T(?=\d)(\d+(\.\d+)?H)?(\d+(\.\d+)?M)?(\d+(\.\d+)?S)?)?$/,
};

/** One api-version's spec files, loaded once and shared. */
class SpecVersion {
  private readonly docs = new Map<string, Schema>();
  private routes?: Route[];
  private readonly flatCache = new Map<string, Flat>();
  private subtypeIndex?: Map<string, Node[]>;

  constructor(
    readonly version: string,
    private readonly root: string,
  ) {
    for (const f of readdirSync(join(root, version))) if (f.endsWith(".json")) this.doc(join(version, f));
  }

  /** A spec file by its path under the root, parsed once. */
  private doc(file: string): Schema {
    let d = this.docs.get(file);
    if (!d) {
      const full = join(this.root, file);
      if (!existsSync(full))
        throw new Error(`The REST spec refers to ${file}, which is not vendored under ${this.root}`);
      d = JSON.parse(readFileSync(full, "utf8")) as Schema;
      this.docs.set(file, d);
    }
    return d;
  }

  /** Where a `$ref` points: common-types refs go to the shared folder, others stay in this version. */
  private target(ref: string, from: string): { file: string; pointer: string } {
    const [path, pointer = ""] = ref.split("#");
    if (!path) return { file: from, pointer };
    const common = path.indexOf("common-types/");
    const file = common >= 0 ? path.slice(common) : join(dirname(from), path.replace(/^\.\//, ""));
    return { file, pointer };
  }

  resolve(node: Node): Node {
    let n = node;
    for (let hops = 0; n.schema.$ref; hops++) {
      if (hops > 32) throw new Error(`$ref loop at ${n.schema.$ref}`);
      const { file, pointer } = this.target(n.schema.$ref, n.file);
      let s: Schema = this.doc(file);
      for (const part of pointer.split("/").filter(Boolean)) s = s?.[part.replace(/~1/g, "/").replace(/~0/g, "~")];
      if (!s) throw new Error(`Unresolvable $ref ${n.schema.$ref} in ${n.file}`);
      n = { schema: s, file, key: `${file}#${pointer}` };
    }
    return n;
  }

  private allRoutes(): Route[] {
    if (this.routes) return this.routes;
    const routes: Route[] = [];
    for (const [file, d] of this.docs) {
      if (!file.startsWith(`${this.version}/`)) continue;
      for (const section of ["paths", "x-ms-paths"]) {
        for (const [template, item] of Object.entries((d[section] ?? {}) as Record<string, Schema>)) {
          const segments = template.split("?")[0].split("/").filter(Boolean);
          for (const method of HTTP_METHODS) {
            if (!item[method]) continue;
            const spanning = this.spanningSegment(
              segments,
              [...(item.parameters ?? []), ...(item[method].parameters ?? [])],
              file,
            );
            routes.push({
              method: method.toUpperCase(),
              segments,
              ...(spanning >= 0 ? { spanning } : {}),
              literals: segments.filter((s) => !s.startsWith("{")).length,
              operation: item[method],
              pathItem: item,
              file,
            });
          }
        }
      }
    }
    // The most literal template wins when two match (a fixed segment beats a parameter).
    routes.sort((a, b) => b.literals - a.literals);
    this.routes = routes;
    return routes;
  }

  /**
   * Which segment is a path parameter marked x-ms-skip-url-encoding (`{resourceUri}` in Azure
   * Monitor's `/{resourceUri}/providers/Microsoft.Insights/metrics`): its value is a whole ARM id,
   * sent unencoded, so it spans several segments. -1 when none.
   */
  private spanningSegment(segments: string[], parameters: Schema[], file: string): number {
    for (const p of parameters) {
      const param = this.resolve({ schema: p, file }).schema;
      if (param.in === "path" && param["x-ms-skip-url-encoding"]) return segments.indexOf(`{${param.name}}`);
    }
    return -1;
  }

  findRoute(method: string, path: string): Route | undefined {
    const parts = path.split("/").filter(Boolean);
    // ARM treats the fixed parts of a path without regard to case.
    const same = (s: string, part: string) => s.startsWith("{") || s.toLowerCase() === part.toLowerCase();
    return this.allRoutes().find((r) => {
      if (r.method !== method) return false;
      if (r.spanning === undefined)
        return r.segments.length === parts.length && r.segments.every((s, i) => same(s, parts[i]));
      // The spanning parameter takes what the fixed segments before and after it leave.
      const after = r.segments.length - r.spanning - 1;
      return (
        parts.length >= r.segments.length &&
        r.segments.slice(0, r.spanning).every((s, i) => same(s, parts[i])) &&
        r.segments.slice(r.spanning + 1).every((s, i) => same(s, parts[parts.length - after + i]))
      );
    });
  }

  bodyParameter(route: Route): Node | undefined {
    for (const p of [...(route.pathItem.parameters ?? []), ...(route.operation.parameters ?? [])]) {
      const param = this.resolve({ schema: p, file: route.file });
      if (param.schema.in === "body")
        return { schema: { ...param.schema.schema, "x-required": param.schema.required }, file: param.file };
    }
    return undefined;
  }

  /** A named definition of this api-version's files. */
  definition(name: string): Node {
    for (const [file, d] of this.docs) {
      const schema = d.definitions?.[name];
      if (file.startsWith(`${this.version}/`) && schema) return { schema, file, key: `${file}#/definitions/${name}` };
    }
    throw new Error(`The REST spec ${this.version} defines no ${name}`);
  }

  /** Definitions that inherit (through allOf, at any depth) from `baseKey`. */
  subtypes(baseKey: string): Node[] {
    if (!this.subtypeIndex) {
      const parents = new Map<string, string[]>();
      const nodes = new Map<string, Node>();
      for (const [file, d] of this.docs) {
        for (const [name, schema] of Object.entries((d.definitions ?? {}) as Record<string, Schema>)) {
          const key = `${file}#/definitions/${name}`;
          nodes.set(key, { schema, file, key });
          parents.set(
            key,
            ((schema.allOf ?? []) as Schema[]).filter((s) => s.$ref).map((s) => this.resolve({ schema: s, file }).key!),
          );
        }
      }
      const index = new Map<string, Node[]>();
      for (const [key, node] of nodes) {
        const seen = new Set<string>();
        const stack = [...(parents.get(key) ?? [])];
        while (stack.length) {
          const p = stack.pop()!;
          if (seen.has(p)) continue;
          seen.add(p);
          if (!index.has(p)) index.set(p, []);
          index.get(p)!.push(node);
          stack.push(...(parents.get(p) ?? []));
        }
      }
      this.subtypeIndex = index;
    }
    return this.subtypeIndex.get(baseKey) ?? [];
  }

  /** A schema's own and inherited properties, required names, discriminator and openness. */
  flatten(node: Node): Flat {
    const cached = node.key ? this.flatCache.get(node.key) : undefined;
    if (cached) return cached;
    const flat: Flat = {
      name: node.key ? node.key.split("/").pop()! : "object",
      properties: new Map(),
      required: new Set(),
    };
    for (const part of (node.schema.allOf ?? []) as Schema[]) {
      const parent = this.flatten(this.resolve({ schema: part, file: node.file }));
      for (const [k, v] of parent.properties) flat.properties.set(k, v);
      for (const r of parent.required) flat.required.add(r);
      flat.discriminator ??= parent.discriminator;
      if (parent.additional !== undefined) flat.additional = parent.additional;
    }
    for (const [k, v] of Object.entries((node.schema.properties ?? {}) as Record<string, Schema>))
      flat.properties.set(k, { schema: v, file: node.file });
    for (const r of (node.schema.required ?? []) as string[]) flat.required.add(r);
    if (node.schema.discriminator) flat.discriminator = node.schema.discriminator;
    const ap = node.schema.additionalProperties;
    // The type's own word on extra members wins over what it inherits.
    if (ap === false) flat.additional = false;
    else if (ap === true || (ap && typeof ap === "object" && Object.keys(ap).length === 0)) flat.additional = true;
    else if (ap && typeof ap === "object") flat.additional = { schema: ap, file: node.file };
    if (node.key) this.flatCache.set(node.key, flat);
    return flat;
  }
}

const loaded = new Map<string, SpecVersion>();

/** The REST specs vendored under one folder, one sub-folder per api-version. */
export class RestSpecs {
  constructor(readonly root: string = DEFAULT_SPEC_ROOT) {}

  /** The api-versions vendored (folder names that look like one). */
  versions(): string[] {
    if (!existsSync(this.root)) return [];
    return readdirSync(this.root)
      .filter((d) => /^\d{4}-\d{2}-\d{2}(-preview)?$/.test(d))
      .sort();
  }

  has(apiVersion: string): boolean {
    return this.versions().includes(apiVersion);
  }

  private spec(apiVersion: string): SpecVersion {
    const id = `${this.root}\0${apiVersion}`;
    let s = loaded.get(id);
    if (!s) {
      s = new SpecVersion(apiVersion, this.root);
      loaded.set(id, s);
    }
    return s;
  }

  /** Checks one request's body. Throws when the api-version is not vendored (callers check `has`). */
  check(request: { method: string; path: string; apiVersion: string; body: unknown }): SpecCheck {
    const { method, path, apiVersion } = request;
    if (!this.has(apiVersion))
      throw new Error(
        `No REST spec is vendored for api-version ${apiVersion} (have: ${this.versions().join(", ")}); see ${join(this.root, "README.md")}`,
      );
    const spec = this.spec(apiVersion);
    const result: SpecCheck = { apiVersion, method, path, errors: [], warnings: [] };
    const route = spec.findRoute(method.toUpperCase(), path);
    if (!route) {
      result.errors.push({
        severity: "error",
        code: "NoSuchOperation",
        target: "",
        message: `The REST spec for api-version ${apiVersion} has no operation ${method} ${path}`,
      });
      return result;
    }
    result.operationId = route.operation.operationId;
    const body = spec.bodyParameter(route);
    if (!body) return result; // nothing declared to check (e.g. listKeys takes no body)
    const issues = new Walker(spec);
    if (request.body === undefined || request.body === "") {
      if (body.schema["x-required"])
        issues.add("error", "MissingBody", "", `${route.operation.operationId} needs a JSON body; none was sent`);
    } else {
      issues.value(body, request.body as Json, "");
    }
    for (const i of issues.list) (i.severity === "error" ? result.errors : result.warnings).push(i);
    return result;
  }

  /**
   * Checks a response body against the schema the spec gives for its status (the emulator's own
   * answers: a client generated from the spec reads these). Read-only fields belong in responses.
   */
  checkResponse(response: {
    method: string;
    path: string;
    apiVersion: string;
    status: number;
    body: unknown;
  }): SpecCheck {
    const { method, path, apiVersion } = response;
    const spec = this.spec(apiVersion);
    const result: SpecCheck = { apiVersion, method, path, errors: [], warnings: [] };
    const route = spec.findRoute(method.toUpperCase(), path);
    if (!route) return result;
    result.operationId = route.operation.operationId;
    const declared = route.operation.responses?.[String(response.status)] ?? route.operation.responses?.default;
    if (!declared) {
      result.errors.push({
        severity: "error",
        code: "NoSuchOperation",
        target: "",
        message: `${result.operationId} declares no ${response.status} response`,
      });
      return result;
    }
    const schema = spec.resolve({ schema: declared, file: route.file }).schema.schema;
    if (!schema || response.body === undefined || response.body === "") return result;
    const issues = new Walker(spec, "response");
    issues.value({ schema, file: route.file }, response.body as Json, "");
    for (const i of issues.list) (i.severity === "error" ? result.errors : result.warnings).push(i);
    return result;
  }
}

/** Walks a value against a schema, collecting issues. */
class Walker {
  readonly list: SpecIssue[] = [];

  constructor(
    private readonly spec: SpecVersion,
    private readonly side: "request" | "response" = "request",
  ) {}

  add(severity: SpecIssue["severity"], code: SpecIssueCode, target: string, message: string): void {
    this.list.push({ severity, code, target, message });
  }

  value(ref: Node, value: Json, at: string): void {
    const node = this.spec.resolve(ref);
    const s = node.schema;
    const type: string | undefined = s.type ?? (s.properties || s.allOf ? "object" : undefined);
    if (value === null) return; // the caller decided whether null was allowed
    if (s.enum) {
      this.enumValue(node, value, at);
      return;
    }
    switch (type) {
      case "object":
        this.object(node, value, at);
        return;
      case "array":
        if (!Array.isArray(value)) {
          this.wrongType("array", value, at);
          return;
        }
        if (s.items)
          for (const [i, v] of value.entries())
            this.member(at, `[${i}]`, { schema: s.items, file: node.file }, v, false);
        return;
      case "string":
        this.string(node, value, at);
        return;
      case "integer":
      case "number":
        this.number(node, type, value, at);
        return;
      case "boolean":
        if (typeof value === "boolean") return;
        if (value === "true" || value === "false") {
          this.add(
            "warning",
            "ConvertedValue",
            at,
            `${show(at)} is the string ${JSON.stringify(value)}; the spec says boolean`,
          );
          return;
        }
        this.wrongType("boolean", value, at);
        return;
      default:
        return; // no type: anything goes
    }
  }

  /** A property or item: null, readOnly and then its value. */
  private member(parent: string, name: string, prop: Node, value: Json, required: boolean): void {
    const at = name.startsWith("[") ? `${parent}${name}` : parent ? `${parent}.${name}` : name;
    const target = this.spec.resolve(prop);
    if (this.side === "request" && (prop.schema.readOnly || target.schema.readOnly)) {
      this.add("warning", "ReadOnlyProperty", at, `${show(at)} is read-only; the service ignores it`);
      return;
    }
    if (value === null) {
      if (required) this.add("error", "RequiredPropertyMissing", at, `${show(at)} is required and may not be null`);
      else if (!(prop.schema["x-nullable"] ?? target.schema["x-nullable"]))
        this.add(
          "warning",
          "NullValue",
          at,
          `${show(at)} is null; the spec does not mark it nullable (read as absent)`,
        );
      return;
    }
    this.value(prop, value, at);
  }

  private object(node: Node, value: Json, at: string): void {
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      this.wrongType("object", value, at);
      return;
    }
    let flat = this.spec.flatten(node);
    let concrete = node;
    if (flat.discriminator) {
      const chosen = this.discriminated(node, flat, value, at);
      if (!chosen) return;
      concrete = chosen;
      flat = this.spec.flatten(concrete);
    }
    if (flat.name === "PipelineJob") this.pipelineNodes(value, at);
    if (flat.name === "ComponentVersion") this.componentOutputs(value, at);
    const declared = new Map([...flat.properties.keys()].map((k) => [k.toLowerCase(), k]));
    for (const r of flat.required) {
      // Secrets and write-only members are required of a request but never sent back.
      const p = flat.properties.get(r)?.schema;
      if (
        this.side === "response" &&
        p &&
        (p["x-ms-secret"] || (p["x-ms-mutability"] && !p["x-ms-mutability"].includes("read")))
      )
        continue;
      const key = Object.keys(value).find((k) => k.toLowerCase() === r.toLowerCase());
      if (key === undefined)
        this.add(
          "error",
          "RequiredPropertyMissing",
          at ? `${at}.${r}` : r,
          `${show(at ? `${at}.${r}` : r)} is required by ${flat.name} but missing`,
        );
    }
    for (const [key, v] of Object.entries(value)) {
      const name = declared.get(key.toLowerCase());
      if (name !== undefined) {
        if (name !== key)
          this.add(
            "warning",
            "CasingMismatch",
            join2(at, key),
            `${show(join2(at, key))}: the spec spells it '${name}'`,
          );
        this.member(at, key, flat.properties.get(name)!, v, flat.required.has(name));
      } else if (flat.additional && flat.additional !== true) {
        this.member(at, key, flat.additional, v, false);
      } else if (flat.additional === true || flat.properties.size === 0) {
        // an open map or an untyped object: passes through
      } else {
        const hint = didYouMean(key, [...flat.properties.keys()]);
        this.add(
          "error",
          "UnknownProperty",
          join2(at, key),
          `${show(join2(at, key))}: ${flat.name} has no property '${key}'${hint ? ` (did you mean '${hint}'?)` : ""}`,
        );
      }
    }
  }

  /**
   * PipelineJob.jobs is an open map in the spec, but the service reads each node's data inputs and
   * outputs as the spec's JobInput / JobOutput (the SDK sends them in Python's snake_case:
   * `job_output_type`, `path_on_compute`), so those are checked as such. Bindings written as
   * `{type: literal, value}` and everything else in a node pass through, as the spec says.
   */
  private pipelineNodes(job: { [k: string]: Json }, at: string): void {
    const jobs = job.jobs;
    if (!jobs || typeof jobs !== "object" || Array.isArray(jobs)) return;
    for (const [nodeName, node] of Object.entries(jobs)) {
      if (!node || typeof node !== "object" || Array.isArray(node)) continue;
      for (const [side, tag, definition] of [
        ["inputs", "job_input_type", "JobInput"],
        ["outputs", "job_output_type", "JobOutput"],
      ] as const) {
        const ports = node[side];
        if (!ports || typeof ports !== "object" || Array.isArray(ports)) continue;
        for (const [port, v] of Object.entries(ports)) {
          if (!v || typeof v !== "object" || Array.isArray(v) || !(tag in v)) continue;
          const snake = new Map(Object.keys(v).map((k) => [camel(k), k]));
          const camelled = Object.fromEntries(Object.entries(v).map(([k, x]) => [camel(k), x]));
          const prefix = join2(at, `jobs.${nodeName}.${side}.${port}`);
          const before = this.list.length;
          // A node input bound to a pipeline input is a literal carrying the binding; the SDK adds the
          // delivery mode to it (`{job_input_type: literal, value: "${{parent.inputs.x}}", mode}`) and
          // the service takes it, though LiteralJobInput declares no mode.
          if (camelled.jobInputType === "literal" && "mode" in camelled) {
            this.value(this.spec.definition("InputDeliveryMode"), camelled.mode, `${prefix}.mode`);
            delete camelled.mode;
          }
          this.value(this.spec.definition(definition), camelled, prefix);
          // Name the keys as they were sent.
          for (const issue of this.list.slice(before)) {
            const rest = issue.target.slice(prefix.length + 1);
            const key = rest.split(/[.[]/)[0];
            const sent = snake.get(key) ?? snakeCase(key);
            if (!key || sent === key) continue;
            const renamed = `${prefix}.${sent}${rest.slice(key.length)}`;
            issue.message = issue.message.split(issue.target).join(renamed).split(`'${key}'`).join(`'${sent}'`);
            issue.target = renamed;
          }
        }
      }
    }
  }

  /**
   * ComponentVersion.componentSpec is an open object in the spec (the service checks it against the
   * component YAML schema), but an output's `type` names what the job will deliver, from the same
   * vocabulary as JobOutputType, or a primitive for control outputs. A placeholder such as
   * `__inferred__` reaching the wire is refused here as the service would refuse it.
   */
  private componentOutputs(version: { [k: string]: Json }, at: string): void {
    const spec = version.componentSpec;
    if (!spec || typeof spec !== "object" || Array.isArray(spec)) return;
    const outputs = spec.outputs;
    if (!outputs || typeof outputs !== "object" || Array.isArray(outputs)) return;
    const allowed = [
      ...(this.spec.resolve(this.spec.definition("JobOutputType")).schema.enum as string[]),
      ...PRIMITIVES,
    ];
    for (const [name, o] of Object.entries(outputs)) {
      if (!o || typeof o !== "object" || Array.isArray(o) || o.type === undefined) continue;
      const target = join2(at, `componentSpec.outputs.${name}.type`);
      if (typeof o.type !== "string" || !allowed.includes(o.type.toLowerCase()))
        this.add(
          "error",
          "InvalidEnumValue",
          target,
          `${show(target)} is ${JSON.stringify(o.type)}, which is not a component output type; use one of: ${allowed.join(", ")}`,
        );
    }
  }

  /** The concrete type a discriminator value names, or undefined after reporting why there is none. */
  private discriminated(node: Node, flat: Flat, value: { [k: string]: Json }, at: string): Node | undefined {
    const prop = flat.discriminator!;
    const key = Object.keys(value).find((k) => k.toLowerCase() === prop.toLowerCase());
    const given = key === undefined ? undefined : value[key];
    if (given === undefined || given === null) return node; // the required check reports it
    const base = node.key ? this.baseOf(node, prop) : node;
    const candidates = [base, ...(base.key ? this.spec.subtypes(base.key) : [])];
    const tagOf = (n: Node) => (n.schema["x-ms-discriminator-value"] as string | undefined) ?? n.key?.split("/").pop();
    const exact = candidates.find((c) => tagOf(c) === given);
    if (exact) return exact;
    const loose = candidates.filter(
      (c) => typeof given === "string" && tagOf(c)?.toLowerCase() === given.toLowerCase(),
    );
    if (loose.length === 1) {
      this.add(
        "warning",
        "CasingMismatch",
        join2(at, prop),
        `${show(join2(at, prop))} is '${given}'; the spec spells it '${tagOf(loose[0])}'`,
      );
      return loose[0];
    }
    const allowed = candidates
      .filter((c) => c.schema["x-ms-discriminator-value"] || c !== base)
      .map(tagOf)
      .filter((v): v is string => !!v);
    // The discriminator property is usually an enum too; name its values when it has one.
    const enumNode = flat.properties.get(prop);
    const enumValues = enumNode ? (this.spec.resolve(enumNode).schema.enum as string[] | undefined) : undefined;
    const names = [...new Set([...(enumValues ?? []), ...allowed])];
    this.add(
      "error",
      "InvalidDiscriminatorValue",
      join2(at, prop),
      `${show(join2(at, prop))} is ${JSON.stringify(given)}, which names no ${this.spec.flatten(base).name} type; use one of: ${names.join(", ")}`,
    );
    return undefined;
  }

  /** The definition that declares the discriminator (subtypes are listed from it). */
  private baseOf(node: Node, prop: string): Node {
    if (node.schema.discriminator === prop) return node;
    for (const part of (node.schema.allOf ?? []) as Schema[]) {
      const parent = this.spec.resolve({ schema: part, file: node.file });
      if (this.spec.flatten(parent).discriminator === prop) return this.baseOf(parent, prop);
    }
    return node;
  }

  private enumValue(node: Node, value: Json, at: string): void {
    const allowed = (node.schema.enum as Json[]).map(String);
    const name = (node.schema["x-ms-enum"]?.name as string | undefined) ?? node.key?.split("/").pop() ?? "the enum";
    if (typeof value !== "string" && node.schema.type === "string") {
      this.wrongType("string", value, at);
      return;
    }
    const v = String(value);
    if (allowed.includes(v)) return;
    const loose = allowed.find((a) => a.toLowerCase() === v.toLowerCase());
    if (loose) {
      this.add("warning", "CasingMismatch", at, `${show(at)} is '${v}'; ${name} spells it '${loose}'`);
      return;
    }
    this.add(
      "error",
      "InvalidEnumValue",
      at,
      `${show(at)} is ${JSON.stringify(value)}, which ${name} does not allow; use one of: ${allowed.join(", ")}`,
    );
  }

  private string(node: Node, value: Json, at: string): void {
    const s = node.schema;
    if (typeof value !== "string") {
      if (typeof value === "number" || typeof value === "boolean") {
        this.add("warning", "ConvertedValue", at, `${show(at)} is the ${typeof value} ${value}; the spec says string`);
        return;
      }
      this.wrongType("string", value, at);
      return;
    }
    if (s.minLength !== undefined && value.length < s.minLength)
      this.add("error", "InvalidLength", at, `${show(at)} must be at least ${s.minLength} character(s) long`);
    if (s.maxLength !== undefined && value.length > s.maxLength)
      this.add("error", "InvalidLength", at, `${show(at)} must be at most ${s.maxLength} characters long`);
    if (s.pattern === NOT_BLANK) {
      // The spec writes the service's "not null or white space" rule for [Required] strings as this
      // unanchored pattern; what the service refuses is a blank value, not one without a letter.
      if (value.trim() === "" && !(s.minLength !== undefined && value.length < s.minLength))
        this.add("error", "InvalidLength", at, `${show(at)} must not be blank`);
    } else if (s.pattern) {
      let re: RegExp | undefined;
      try {
        re = new RegExp(s.pattern);
      } catch {
        re = undefined; // a .NET-only construct: not checked here
      }
      if (re && !re.test(value))
        this.add(
          "error",
          "PatternMismatch",
          at,
          `${show(at)} is ${JSON.stringify(value)}, which does not match ${s.pattern}`,
        );
    }
    const format = FORMATS[s.format as string];
    if (format && !format.test(value))
      this.add(
        "error",
        "InvalidFormat",
        at,
        `${show(at)} is ${JSON.stringify(value)}, which is not a valid ${s.format}`,
      );
  }

  private number(node: Node, type: "integer" | "number", value: Json, at: string): void {
    let n = value;
    if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) {
      this.add(
        "warning",
        "ConvertedValue",
        at,
        `${show(at)} is the string ${JSON.stringify(value)}; the spec says ${type}`,
      );
      n = Number(value);
    }
    if (typeof n !== "number") {
      this.wrongType(type, value, at);
      return;
    }
    if (type === "integer" && !Number.isInteger(n)) {
      this.wrongType("integer", value, at);
      return;
    }
    if (node.schema.format === "int32" && (n < -(2 ** 31) || n >= 2 ** 31))
      this.add("error", "InvalidFormat", at, `${show(at)} is ${n}, outside the int32 range`);
  }

  private wrongType(expected: string, value: Json, at: string): void {
    const got =
      value === null
        ? "null"
        : Array.isArray(value)
          ? "array"
          : typeof value === "number" && Number.isInteger(value)
            ? "integer"
            : typeof value;
    this.add(
      "error",
      "InvalidType",
      at,
      `${show(at)} must be ${article(expected)} ${expected}, not ${article(got)} ${got}`,
    );
  }
}

function camel(key: string): string {
  return key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

function snakeCase(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

function join2(at: string, key: string): string {
  return at ? `${at}.${key}` : key;
}

function show(at: string): string {
  return at ? `'${at}'` : "The body";
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? "an" : "a";
}

/** The declared name closest to a misspelt one, when it is close enough to be a likely typo. */
function didYouMean(name: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const c of candidates) {
    const d = editDistance(name.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length];
}

/**
 * The ARM error body the emulator answers a refused request with: a summary message, the first
 * problem's JSON path as target, and one detail per problem (clients that show one line show the
 * message, the target and the first detail).
 */
export function specErrorBody(check: SpecCheck): { error: Record<string, unknown> } {
  const n = check.errors.length;
  const operation = check.operationId ? ` (${check.operationId})` : "";
  return {
    error: {
      code: "UserError",
      message: `The request is invalid: ${n} problem${n > 1 ? "s" : ""} against the REST spec for api-version ${check.apiVersion}${operation}`,
      ...(check.errors[0].target ? { target: check.errors[0].target } : {}),
      details: check.errors.map((e) => ({
        code: e.code,
        message: e.message,
        ...(e.target ? { target: e.target } : {}),
      })),
      additionalInfo: [],
      innerError: { code: "BadArgument" },
    },
  };
}
