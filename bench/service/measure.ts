import { performance } from 'node:perf_hooks'

export interface AsyncMeasureOptions<T> {
  warmup: number
  iterations: number
  run: (round: number) => Promise<T>
  /** Checked outside the timed region on every call, warm-up included. */
  verify: (result: T, round: number) => void
}

/** Like bench/stats' measure(), for the service's async methods; returns the timed samples in ms. */
export async function measureAsync<T>({
  warmup,
  iterations,
  run,
  verify,
}: AsyncMeasureOptions<T>): Promise<number[]> {
  const samplesMs: number[] = []
  for (let round = 0; round < warmup + iterations; round++) {
    const started = performance.now()
    const result = await run(round)
    const elapsedMs = performance.now() - started
    verify(result, round)
    if (round >= warmup) samplesMs.push(elapsedMs)
  }
  return samplesMs
}
