import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { LIBRARY_NAME, MISSING_LIBRARY_NAME, OPERATIONS, PAGE_SIZE } from './plan'
import type { Operation, SizeWorkload } from './plan'

const runFile = promisify(execFile)

const SCRIPT_PATH = fileURLToPath(new URL('./diskcache_bench.py', import.meta.url))
/**
 * Debian's python3-diskcache lives in the system interpreter; a pyenv or venv python3 earlier on
 * PATH usually lacks it, so the system one is used unless BENCH_PYTHON says otherwise.
 */
const PYTHON = process.env['BENCH_PYTHON'] ?? '/usr/bin/python3'

export interface DiskcacheRun {
  versions: { python: string; diskcache: string; sqlite: string }
  samplesMs: Record<Operation, number[]>
}

function parseRun(stdout: string): DiskcacheRun {
  const parsed = JSON.parse(stdout) as Partial<DiskcacheRun>
  const samples = parsed.samplesMs
  if (!parsed.versions || !samples || !OPERATIONS.every((op) => Array.isArray(samples[op]))) {
    throw new Error(`unexpected output from ${SCRIPT_PATH}: ${stdout.slice(0, 200)}`)
  }
  return { versions: parsed.versions, samplesMs: samples }
}

/** Runs the Python baseline for one library size in its own fresh diskcache directory. */
export async function runDiskcacheSide(workload: SizeWorkload, cacheDir: string): Promise<DiskcacheRun> {
  const job = {
    datasetPath: workload.datasetPath,
    cacheDir,
    library: LIBRARY_NAME,
    missingLibrary: MISSING_LIBRARY_NAME,
    pageSize: PAGE_SIZE,
    warmup: workload.plan.warmup,
    iterations: workload.plan.iterations,
    pageOffsets: workload.pageOffsets,
    findTargets: workload.findTargets,
  }
  let stdout: string
  try {
    ;({ stdout } = await runFile(PYTHON, [SCRIPT_PATH, JSON.stringify(job)], { maxBuffer: 64 * 1024 * 1024 }))
  } catch (error) {
    // execFile's message repeats the whole command line (with the job JSON); stderr is what matters.
    const stderr = (error as { stderr?: string }).stderr?.trim() || String(error)
    const hint = stderr.includes("No module named 'diskcache'")
      ? `\ninstall python3-diskcache for ${PYTHON}, or point BENCH_PYTHON at a python that has it`
      : ''
    throw new Error(`diskcache baseline failed: ${stderr}${hint}`, { cause: error })
  }
  return parseRun(stdout)
}
