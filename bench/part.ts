/** The contract every bench part (cache, client, service, UI…) implements for bench/index.ts. */

export interface BenchRunOptions {
  /** Fewer iterations and sizes: a smoke run that checks the bench itself still works. */
  quick: boolean
  /** Progress goes to stderr so stdout carries only the report. */
  log: (message: string) => void
}

export interface BenchPartResult {
  /** Human-readable report lines, printed under the part's title. */
  report: string[]
  /** Machine-readable results, written to bench-results/latest.json under parts.<name>. */
  json: unknown
  /** One line per missed target; empty when every target was met. */
  missedTargets: string[]
}

export interface BenchPart {
  /** Key in latest.json and name accepted on the command line (`npm run bench -- cache`). */
  name: string
  title: string
  run: (options: BenchRunOptions) => Promise<BenchPartResult>
}
