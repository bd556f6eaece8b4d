import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startFakeProcess } from '../client/processes'
import type { BenchPart, BenchPartResult, BenchRunOptions } from '../part'
import { assertBench, summarize, type SampleSummary } from '../stats'
import { formatMs, renderTable } from '../table'

/**
 * Start-up of the `plex-cache` command. Scripts call `plex-cache find FILE --json` once per file, so
 * a run's wall time (spawn to exit) is what they pay per lookup. Side by side in one run: the
 * prebuilt bundle through the shipped launcher (bin/plex-cache.cjs, after), the TypeScript
 * compiled by tsx at every start (what the launcher ran before), and bare Node (the floor).
 */

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url))
const LAUNCHER = join(PROJECT_ROOT, 'bin/plex-cache.cjs')
const CLI_SOURCE = join(PROJECT_ROOT, 'src/cli/index.ts')
const TARGET_MS = 150

interface Plan {
  movies: number
  warmup: number
  rounds: number
}
const FULL: Plan = { movies: 20_000, warmup: 3, rounds: 25 }
const QUICK: Plan = { movies: 1_000, warmup: 1, rounds: 5 }

interface Variant {
  name: string
  args: (cliArgs: string[]) => string[]
  /** Whether it runs the CLI (and so must print the match); bare Node prints nothing. */
  runsCli: boolean
}

const VARIANTS: Variant[] = [
  { name: 'after: prebuilt bundle (bin/plex-cache.cjs)', args: (cli) => [LAUNCHER, ...cli], runsCli: true },
  {
    name: 'before: TypeScript through tsx',
    args: (cli) => ['--import', 'tsx', CLI_SOURCE, ...cli],
    runsCli: true,
  },
  { name: 'floor: node -e "" (Node start-up alone)', args: () => ['-e', ''], runsCli: false },
]

function runCli(args: string[]): { stdout: string; stderr: string; status: number | null } {
  const run = spawnSync(process.execPath, args, { cwd: PROJECT_ROOT, encoding: 'utf8', env: cleanEnv() })
  return { stdout: run.stdout, stderr: run.stderr, status: run.status }
}

function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env }
  delete env.PLEX_URL
  delete env.PLEX_TOKEN
  delete env.PLEX_CACHE_DATA_DIR
  return env
}

/** Interleaved rounds, so a busy moment on the machine hits every variant alike. */
function measureVariants(plan: Plan, findArgs: string[], expectedRatingKey: string): Map<string, number[]> {
  const samples = new Map(VARIANTS.map((variant) => [variant.name, [] as number[]]))
  for (let round = 0; round < plan.warmup + plan.rounds; round++) {
    for (const variant of VARIANTS) {
      const started = process.hrtime.bigint()
      const run = runCli(variant.args(findArgs))
      const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6
      assertBench(run.status === 0, `${variant.name} exited ${run.status}: ${run.stderr}`)
      if (variant.runsCli) {
        const matches = JSON.parse(run.stdout) as Array<{ item: { ratingKey: string } }>
        assertBench(
          matches.length === 1 && matches[0]!.item.ratingKey === expectedRatingKey,
          `${variant.name} found ${run.stdout}`,
        )
      }
      if (round >= plan.warmup) samples.get(variant.name)!.push(elapsedMs)
    }
  }
  return samples
}

interface CliBenchResult {
  movies: number
  variants: Record<string, SampleSummary>
  speedup: number
  targetMs: number
}

function render(result: CliBenchResult): string[] {
  const after = result.variants[VARIANTS[0]!.name]!
  return [
    `plex-cache find FILE --json on a warm cache of ${result.movies.toLocaleString('en-US')} movies, no Plex request; wall time from spawn to exit.`,
    '',
    ...renderTable(
      [
        { header: 'how the command runs' },
        { header: 'runs', align: 'right' },
        { header: 'median ms', align: 'right' },
        { header: 'p90 ms', align: 'right' },
      ],
      Object.entries(result.variants).map(([name, s]) => [
        name,
        String(s.samples),
        formatMs(s.medianMs),
        formatMs(s.p90Ms),
      ]),
    ),
    '',
    `The prebuilt bundle starts ${result.speedup.toFixed(1)}x faster than TypeScript through tsx (median before / median after).`,
    `Target: median under ${result.targetMs} ms; measured ${formatMs(after.medianMs)} ms.`,
  ]
}

async function run({ quick, log }: BenchRunOptions): Promise<BenchPartResult> {
  assertBench(
    existsSync(join(PROJECT_ROOT, 'out/cli/index.cjs')),
    'out/cli/index.cjs is missing: run npm run build',
  )
  const plan = quick ? QUICK : FULL
  log(`cli: starting the fake server with ${plan.movies} movies`)
  const fake = await startFakeProcess(plan.movies)
  const dataDir = mkdtempSync(join(tmpdir(), 'plex-cache-cli-bench-'))
  try {
    log('cli: filling the cache with plex-cache refresh')
    const refresh = runCli([
      LAUNCHER,
      'refresh',
      '--server',
      fake.url,
      '--token',
      fake.token,
      '--data-dir',
      dataDir,
    ])
    assertBench(refresh.status === 0, `refresh failed: ${refresh.stderr}`)
    const listing = runCli([
      LAUNCHER,
      'items',
      'Movies',
      '--offset',
      String(Math.floor(plan.movies / 2)),
      '--limit',
      '1',
      '--json',
      '--data-dir',
      dataDir,
    ])
    const { items } = JSON.parse(listing.stdout) as {
      items: Array<{ ratingKey: string; files: Array<{ path: string }> }>
    }
    const target = items[0]!
    const fileName = target.files[0]!.path.split('/').pop()!
    fake.stop() // Plex is gone: find answers from the cache alone.

    log(`cli: ${plan.rounds} timed runs of each variant (plus ${plan.warmup} warm-up)`)
    const samples = measureVariants(
      plan,
      ['find', fileName, '--json', '--data-dir', dataDir],
      target.ratingKey,
    )
    const variants = Object.fromEntries([...samples].map(([name, values]) => [name, summarize(values)]))
    const after = variants[VARIANTS[0]!.name]!
    const before = variants[VARIANTS[1]!.name]!
    const result: CliBenchResult = {
      movies: plan.movies,
      variants,
      speedup: before.medianMs / after.medianMs,
      targetMs: TARGET_MS,
    }
    const missedTargets =
      after.medianMs < TARGET_MS
        ? []
        : [`cli: find takes ${formatMs(after.medianMs)} ms (target < ${TARGET_MS} ms)`]
    return { report: render(result), json: result, missedTargets }
  } finally {
    fake.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

export const cliBenchPart: BenchPart = {
  name: 'cli',
  title: 'CLI start-up: plex-cache find on a warm cache, prebuilt bundle vs TypeScript at every start',
  run,
}
