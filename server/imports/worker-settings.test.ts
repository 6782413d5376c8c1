import { describe, expect, it } from "vitest";
import {
  WORKER_MAX_OLD_SPACE_MB,
  WORKER_V8_FLAGS,
  workerExecArgv,
  workerNodeOptions,
} from "./worker-settings";

describe("worker process settings", () => {
  it("adds the worker's V8 flags to the command line once, keeping the caller's", () => {
    expect(workerExecArgv(["--import", "tsx"])).toEqual(["--import", "tsx", ...WORKER_V8_FLAGS]);
    expect(workerExecArgv(workerExecArgv([]))).toEqual([...WORKER_V8_FLAGS]);
    expect(WORKER_V8_FLAGS).toContain("--single-threaded-gc");
  });

  it("adds the heap cap to NODE_OPTIONS unless the caller set one", () => {
    expect(workerNodeOptions("--enable-source-maps")).toBe(
      `--enable-source-maps --max-old-space-size=${WORKER_MAX_OLD_SPACE_MB}`,
    );
    expect(workerNodeOptions("--max-old-space-size=1024")).toBe("--max-old-space-size=1024");
  });
});
