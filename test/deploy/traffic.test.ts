import { describe, expect, it } from "vitest";
import { UserError } from "../../src/errors.js";
import { answerProblem, jsonErrorOffset } from "../../src/tasks/deploy/checks.js";
import { parseTrafficSteps, sameTraffic, trafficAt } from "../../src/tasks/deploy/traffic.js";
import { deploymentNameFor } from "../../src/tasks/deploy-endpoint.js";

function userError(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof UserError) return error.describe();
    throw error;
  }
  throw new Error("no error");
}

describe("traffic steps", () => {
  it("parses increasing whole percents ending at 100", () => {
    expect(parseTrafficSteps("10,50,100")).toEqual([10, 50, 100]);
    expect(parseTrafficSteps(" 5%, 25% ,100 ")).toEqual([5, 25, 100]);
    expect(parseTrafficSteps("100")).toEqual([100]);
  });

  it("rejects with the input, the step and its column", () => {
    expect(userError(() => parseTrafficSteps("10,0,100"))).toMatch(
      /^input 'traffic': step '0' \(column 4\) is not a whole percent from 1 to 100/,
    );
    expect(userError(() => parseTrafficSteps("10,150"))).toMatch(/step '150' \(column 4\)/);
    expect(userError(() => parseTrafficSteps("10,12.5,100"))).toMatch(/step '12.5'/);
    expect(userError(() => parseTrafficSteps("50,50,100"))).toMatch(/step 50 \(column 4\) does not increase on 50/);
    expect(userError(() => parseTrafficSteps("10,50"))).toMatch(/the last step is 50, not 100/);
    expect(userError(() => parseTrafficSteps(" "))).toMatch(/input 'traffic': has no steps/);
  });

  it("shares the rest among the old deployments in their old proportions, adding up to 100", () => {
    expect(trafficAt({ blue: 100 }, "green", 10)).toEqual({ blue: 90, green: 10 });
    expect(trafficAt({ a: 70, b: 30 }, "c", 10)).toEqual({ a: 63, b: 27, c: 10 });
    expect(trafficAt({ a: 50, b: 50 }, "c", 33)).toEqual({ a: 34, b: 33, c: 33 });
    expect(trafficAt({ a: 1, b: 1, c: 1 }, "d", 50)).toEqual({ a: 17, b: 17, c: 16, d: 50 });
    expect(trafficAt({ blue: 100 }, "green", 100)).toEqual({ blue: 0, green: 100 });
    expect(trafficAt({}, "first", 10)).toEqual({ first: 100 });
    for (let p = 1; p <= 100; p++) {
      const map = trafficAt({ a: 45, b: 35, c: 20, old: 0 }, "n", p);
      expect(Object.values(map).reduce((s, v) => s + v, 0)).toBe(100);
    }
    expect(sameTraffic({ a: 70, b: 30 }, { b: 30, a: 70 })).toBe(true);
    expect(sameTraffic({ a: 70, b: 30 }, { a: 70, b: 30, c: 0 })).toBe(false);
  });
});

describe("deployment names and answers", () => {
  it("derives an Azure-valid deployment name from the model version", () => {
    expect(deploymentNameFor("diabetes-model", "3")).toBe("diabetes-model-v3");
    expect(deploymentNameFor("My_Model.v2", "12")).toBe("my-model-v2-v12");
    expect(deploymentNameFor("a-very-long-model-name-that-goes-on-and-on", "123")).toBe(
      "a-very-long-model-name-that-v123",
    );
    expect(deploymentNameFor("123", "1")).toBe("model-v1");
  });

  it("accepts only 2xx answers with a JSON body", () => {
    expect(answerProblem({ status: 200, body: '{"predictions": [1]}' })).toBeUndefined();
    expect(answerProblem({ status: 500, body: '{"message": "boom"}' })).toBe('HTTP 500: {"message": "boom"}');
    expect(answerProblem({ status: 200, body: "<html>" })).toBe("HTTP 200 with a body that is not JSON: <html>");
  });

  it("finds where a JSON request goes wrong", () => {
    expect(jsonErrorOffset('{"data": [[1, 2]]}')).toBeUndefined();
    expect(jsonErrorOffset('{\n  "data": [1, 2,]\n}')).toBe(18);
    expect(jsonErrorOffset('{"a" 1}')).toBe(5);
    expect(jsonErrorOffset("[1, 2")).toBe(5);
    expect(jsonErrorOffset('"\\q"')).toBe(2);
  });
});
