// Input names and choice values are checked by the compiler against each task's spec. The lines
// marked @ts-expect-error must stay compile errors: the last test compiles this file and fails if
// any of them compiles (an unused @ts-expect-error is itself an error) or if anything else does not.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, expectTypeOf, it } from "vitest";
import type { TaskContext } from "../../src/tasks/context.js";
import { type Inputs, parseInputs } from "../../src/tasks/inputs.js";
import { spec as registerDataset } from "../../src/tasks/specs/register-dataset.js";
import { spec as validateData } from "../../src/tasks/specs/validate-data.js";

const from = (values: Record<string, string>) => (name: string) => values[name];

describe("inputs typed by the task's spec", () => {
  it("returns a choice as its declared options' union, with the value given", () => {
    const inputs = parseInputs(validateData, from({ data: "d.csv", failOn: "drift" }));
    const failOn = inputs.choice("failOn");
    expectTypeOf(failOn).toEqualTypeOf<"error" | "drift" | "never" | undefined>();
    expect(failOn).toBe("drift");
    expectTypeOf(inputs.choice("badRows")).toEqualTypeOf<"error" | "skip" | undefined>();
    expect(inputs.choice("badRows")).toBe("error");
  });

  it("leaves an optional choice without a default undefined", () => {
    const inputs = parseInputs(registerDataset, from({ name: "d", path: "d.csv" }));
    expectTypeOf(inputs.choice("type")).toEqualTypeOf<"uri_file" | "uri_folder" | "mltable" | undefined>();
    expect(inputs.choice("type")).toBeUndefined();
    expect(inputs.requiredString("name")).toBe("d");
  });

  it("refuses names a spec does not declare, and choice() on a non-choice input", () => {
    const inputs: Inputs<typeof validateData> = parseInputs(validateData, from({ data: "d.csv" }));
    // @ts-expect-error a typo of failOn
    expect(() => inputs.string("failon")).toThrow("declares no input 'failon'");
    // @ts-expect-error an input of another task (register-dataset's type)
    expect(() => inputs.string("type")).toThrow("declares no input 'type'");
    // @ts-expect-error data is a path, not a choice
    inputs.choice("data");
    const ctx = { inputs } as TaskContext<typeof validateData>;
    // @ts-expect-error a typo through the task's context
    expect(() => ctx.inputs.boolean("createbaseline")).toThrow();
    // A value outside the options is not one of the union.
    // @ts-expect-error "warn" is not a failOn option
    const never: "warn" = inputs.choice("failOn") ?? "error";
    expect(never).toBe("error");
  });

  it("compiles: each @ts-expect-error above marks a real compile error", () => {
    const file = fileURLToPath(import.meta.url);
    const root = join(dirname(file), "..", "..");
    const config = ts.getParsedCommandLineOfConfigFile(
      join(root, "tsconfig.json"),
      {},
      {
        ...ts.sys,
        onUnRecoverableConfigFileDiagnostic: (d) => {
          throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
        },
      },
    );
    if (!config) throw new Error("tsconfig.json could not be read");
    const program = ts.createProgram([file], { ...config.options, noEmit: true });
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => {
      const where = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
      return `${d.file?.fileName ?? ""}:${where ? where.line + 1 : ""} ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`;
    });
    expect(diagnostics).toEqual([]);
  }, 120_000);
});
