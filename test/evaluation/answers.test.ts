import { describe, expect, it } from "vitest";
import { parseAnswer } from "../../src/evaluation/answers.js";
import { REQUEST_FORMATS, requestBody } from "../../src/evaluation/requests.js";

const ctx = { label: "candidate m:2", script: "/repo/score.py", rows: "rows 1–3 of d.csv" };

describe("run()'s answer, read strictly", () => {
  it("values, one-element lists, probabilities, objects and JSON strings of them", () => {
    expect(parseAnswer([1, 2.5, 3], 3, ctx)).toEqual({ values: [1, 2.5, 3] });
    expect(parseAnswer([[1], [2], [3]], 3, ctx)).toEqual({ values: [1, 2, 3] });
    expect(parseAnswer(["a", "b", true], 3, ctx)).toEqual({ values: ["a", "b", true] });
    const probs = [
      [0.2, 0.8],
      [0.6, 0.4],
      [0.5, 0.5],
    ];
    expect(parseAnswer(probs, 3, ctx)).toEqual({ probabilities: probs });
    expect(parseAnswer({ predictions: ["x", "y", "x"], probabilities: probs }, 3, ctx)).toEqual({
      values: ["x", "y", "x"],
      probabilities: probs,
    });
    expect(parseAnswer(JSON.stringify({ predictions: [1, 2, 3] }), 3, ctx)).toEqual({ values: [1, 2, 3] });
    expect(parseAnswer("[4, 5, 6]", 3, ctx)).toEqual({ values: [4, 5, 6] });
  });

  it("every malformed answer is one line naming the model, the rows and the shapes accepted", () => {
    const fails = (answer: unknown) => {
      try {
        parseAnswer(answer, 3, ctx);
      } catch (error) {
        return (error as Error).message;
      }
      throw new Error("no error");
    };
    expect(fails([1, 2])).toBe("run() for candidate m:2 answered 2 value(s) for 3 row(s) on rows 1–3 of d.csv");
    expect(fails("not json")).toBe(
      'run() for candidate m:2 answered a string that is not JSON ("not json") on rows 1–3 of d.csv',
    );
    expect(fails({ result: [1, 2, 3] })).toBe(
      'run() for candidate m:2 answered an object without "predictions" or "probabilities" (keys: result) on rows 1–3 of d.csv',
    );
    expect(fails([1, null, 3])).toBe(
      "run() for candidate m:2 answered null (or NaN) for row 2 of the batch, not a number or a label on rows 1–3 of d.csv",
    );
    expect(fails([[0.1, 0.9], [0.3], [0.5, 0.5]])).toBe(
      "run() for candidate m:2 answered [0.3] for row 2 of the batch; rows before it had 2 class probabilities on rows 1–3 of d.csv",
    );
    expect(fails({ probabilities: [1, 2, 3] })).toBe(
      'run() for candidate m:2 answered "probabilities" that are not lists of numbers, one per row on rows 1–3 of d.csv',
    );
    expect(fails(42)).toBe("run() for candidate m:2 answered 42, not a list on rows 1–3 of d.csv");
  });
});

describe("request formats", () => {
  it("rows, records and mlflow bodies, one JSON line each", () => {
    const columns = ["a", "b"];
    const rows = [
      [1, "x"],
      [null, "y\nz"],
    ];
    expect(JSON.parse(requestBody("rows", columns, rows))).toEqual({ data: rows });
    expect(JSON.parse(requestBody("records", columns, rows))).toEqual({
      data: [
        { a: 1, b: "x" },
        { a: null, b: "y\nz" },
      ],
    });
    expect(JSON.parse(requestBody("mlflow", columns, rows))).toEqual({ input_data: { columns, data: rows } });
    for (const f of Object.keys(REQUEST_FORMATS) as (keyof typeof REQUEST_FORMATS)[])
      expect(requestBody(f, columns, rows)).not.toContain("\n");
  });
});
