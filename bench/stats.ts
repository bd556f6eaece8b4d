/** Timing and summary helpers shared by every bench part. */

export interface SampleSummary {
  medianMs: number
  minMs: number
  p90Ms: number
  samples: number
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN
  const position = (sorted.length - 1) * q
  const below = sorted[Math.floor(position)] ?? Number.NaN
  const above = sorted[Math.ceil(position)] ?? below
  return below + (above - below) * (position - Math.floor(position))
}

export function median(samplesMs: readonly number[]): number {
  return quantile(
    [...samplesMs].sort((a, b) => a - b),
    0.5,
  )
}

export function summarize(samplesMs: readonly number[]): SampleSummary {
  const sorted = [...samplesMs].sort((a, b) => a - b)
  return {
    medianMs: quantile(sorted, 0.5),
    minMs: sorted[0] ?? Number.NaN,
    p90Ms: quantile(sorted, 0.9),
    samples: sorted.length,
  }
}

export interface MeasureOptions<T> {
  warmup: number
  iterations: number
  /** The operation; `round` lets callers vary the input (offsets, targets) between calls. */
  run: (round: number) => T
  /** Checked outside the timed region on every call, warm-up included. */
  verify: (result: T, round: number) => void
}

/** Runs warm-up rounds, then timed rounds; returns the timed samples in milliseconds. */
export function measure<T>({ warmup, iterations, run, verify }: MeasureOptions<T>): number[] {
  const samplesMs: number[] = []
  for (let round = 0; round < warmup + iterations; round++) {
    const started = process.hrtime.bigint()
    const result = run(round)
    const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6
    verify(result, round)
    if (round >= warmup) samplesMs.push(elapsedMs)
  }
  return samplesMs
}

export function assertBench(condition: unknown, message: string): asserts condition {
  // A benchmark of an operation that returns the wrong answer is worthless: stop loudly.
  if (!condition) throw new Error(`bench sanity check failed: ${message}`)
}
