import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Integration tests start servers and child processes; two cores here.
    pool: "forks",
    maxWorkers: 2,
    // @actions/workflow-parser imports its schemas as JSON without an import attribute, which Node
    // refuses: let vitest transform it instead of loading it as an external module.
    server: { deps: { inline: ["@actions/workflow-parser"] } },
  },
});
