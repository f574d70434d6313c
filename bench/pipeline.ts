// `npm run bench -- pipeline`: the local pipeline runner against the same processes run by a shell
// script, a fully reused re-run, and two independent CPU-bound steps on one vs two process slots.
import { spawnSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { CliHost } from "../src/hosts/cli.js";
import { runTask } from "../src/hosts/run-task.js";

const python = process.env.MLOPS_PYTHON || "python3";

async function submit(
  cwd: string,
  inputs: Record<string, string>,
): Promise<{ ms: number; outputs: Record<string, string> }> {
  const host = new CliHost(
    { task: "submit-pipeline", inputs, json: true, verbose: false },
    () => {},
    (l) => process.stderr.write(`${l}\n`),
  );
  const start = performance.now();
  const outcome = await runTask(host, cwd);
  const ms = performance.now() - start;
  if (outcome.exitCode !== 0) throw new Error(`the benchmark pipeline failed in ${cwd}`);
  return { ms, outputs: outcome.outputs };
}

function chain(n: number): string {
  const jobs = Array.from({ length: n }, (_, i) => {
    const lines = [
      `  s${i}:`,
      "    type: command",
      `    command: python3 -c "import sys; open(sys.argv[1] + '/done', 'w').write('${i}')" \${{outputs.out}}`,
    ];
    if (i > 0) lines.push("    inputs:", `      prev: \${{parent.jobs.s${i - 1}.outputs.out}}`);
    lines.push("    outputs:", "      out:", "        type: uri_folder");
    return lines.join("\n");
  });
  return `type: pipeline\njobs:\n${jobs.join("\n")}\n`;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const BUSY = `python3 -c "sum(range(40_000_000))"`;

export async function bench(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), "mlops-bench-pipeline-"));
  try {
    const steps = 10;
    await writeFile(join(dir, "chain.yml"), chain(steps));
    // Warm-up: module loading and the first python start are not what we measure.
    await submit(dir, { pipeline: "chain.yml", forceRerun: "true" });

    const script = Array.from(
      { length: steps },
      (_, i) =>
        `mkdir -p out/${i} && ${python} -c "import sys; open(sys.argv[1] + '/done', 'w').write('${i}')" out/${i}`,
    ).join("\n");
    await writeFile(join(dir, "chain.sh"), `set -e\n${script}\n`);
    // Alternate the two, three rounds each, and compare medians: the machine's load drifts.
    const oursMs: number[] = [];
    const shellMs: number[] = [];
    for (let round = 0; round < 3; round++) {
      oursMs.push((await submit(dir, { pipeline: "chain.yml", forceRerun: "true" })).ms);
      const shStart = performance.now();
      spawnSync("sh", [join(dir, "chain.sh")], { cwd: dir, stdio: "ignore" });
      shellMs.push(performance.now() - shStart);
    }
    const ours = median(oursMs);
    const shell = median(shellMs);
    const perStep = (ours - shell) / steps;
    process.stdout.write(
      `10 trivial steps (median of 3): runner ${ours.toFixed(0)} ms, shell script ${shell.toFixed(0)} ms → ${perStep.toFixed(1)} ms overhead per step (goal ≤ 50), ratio ${(ours / shell).toFixed(2)}×\n`,
    );

    const reused = await submit(dir, { pipeline: "chain.yml" });
    process.stdout.write(`fully reused re-run of the 10 steps: ${reused.ms.toFixed(0)} ms (goal ≤ 1000)\n`);

    await writeFile(
      join(dir, "pair.yml"),
      `type: pipeline\njobs:\n  a:\n    type: command\n    command: ${BUSY}\n  b:\n    type: command\n    command: ${BUSY}\n`,
    );
    const one = await submit(dir, { pipeline: "pair.yml", forceRerun: "true", maxParallel: "1" });
    const two = await submit(dir, { pipeline: "pair.yml", forceRerun: "true", maxParallel: "2" });
    process.stdout.write(
      `two independent CPU-bound steps: 1 slot ${one.ms.toFixed(0)} ms, 2 slots ${two.ms.toFixed(0)} ms → speed-up ${(one.ms / two.ms).toFixed(2)}× (2 cores: ideal 2×)\n`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
