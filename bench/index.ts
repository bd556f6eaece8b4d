import { mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { cacheBenchPart } from './cache'
import { cliBenchPart } from './cli'
import { clientBenchPart } from './client'
import { proxyBenchPart } from './proxy'
import { scaleBenchPart } from './scale'
import { serviceBenchPart } from './service'
import { uiBenchPart } from './ui'
import type { BenchPart, BenchPartResult } from './part'

/**
 * `npm run bench [-- <part>…] [-- --quick]`: runs every bench part (or the named ones), prints
 * one report and writes bench-results/latest.json. Missed targets are reported, not fatal: the
 * bench is a measurement. A part that crashes (e.g. a failed sanity check) makes the exit code 1.
 */

/** Later parts (client, service, UI) are added here. */
const PARTS: BenchPart[] = [
  cacheBenchPart,
  clientBenchPart,
  serviceBenchPart,
  cliBenchPart,
  uiBenchPart,
  scaleBenchPart,
  proxyBenchPart,
]

const RESULTS_FILE = fileURLToPath(new URL('../bench-results/latest.json', import.meta.url))
const RULE = '='.repeat(100)

function parseArguments(argv: readonly string[]): { parts: BenchPart[]; quick: boolean } {
  const names = argv.filter((argument) => !argument.startsWith('--'))
  const unknown = names.filter((name) => !PARTS.some((part) => part.name === name))
  if (unknown.length > 0) {
    throw new Error(
      `unknown bench part(s): ${unknown.join(', ')}; known: ${PARTS.map((p) => p.name).join(', ')}`,
    )
  }
  return {
    parts: names.length === 0 ? PARTS : PARTS.filter((part) => names.includes(part.name)),
    quick: argv.includes('--quick'),
  }
}

function machineInfo() {
  const cpus = os.cpus()
  return {
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    cpuModel: cpus[0]?.model ?? 'unknown',
    cpuCount: cpus.length,
    totalMemoryBytes: os.totalmem(),
    /** 1-minute load average before the run: other work on the machine skews every timing. */
    loadAverageAtStart: +(os.loadavg()[0] ?? 0).toFixed(2),
  }
}

/** Above this, the machine was busy with something else when the run started. */
const BUSY_LOAD_PER_CPU = 0.5

type PartOutcome = { part: BenchPart; result: BenchPartResult } | { part: BenchPart; error: Error }

async function runParts(parts: readonly BenchPart[], quick: boolean): Promise<PartOutcome[]> {
  const outcomes: PartOutcome[] = []
  const log = (message: string) => process.stderr.write(`[bench] ${message}\n`)
  for (const part of parts) {
    try {
      outcomes.push({ part, result: await part.run({ quick, log }) })
    } catch (error) {
      // Keep going: one broken part should not hide the numbers of the others.
      outcomes.push({ part, error: error instanceof Error ? error : new Error(String(error)) })
    }
  }
  return outcomes
}

function printReport(
  machine: ReturnType<typeof machineInfo>,
  outcomes: readonly PartOutcome[],
  quick: boolean,
) {
  const lines = [
    RULE,
    `Plex Cache benchmark${quick ? ' (QUICK smoke run: too few iterations to trust)' : ''}`,
    `node ${machine.node}, ${machine.platform}, ${machine.cpuCount} x ${machine.cpuModel}, ` +
      `load average at start ${machine.loadAverageAtStart}`,
  ]
  if (machine.loadAverageAtStart > BUSY_LOAD_PER_CPU * machine.cpuCount) {
    lines.push('WARNING: the machine was busy when the run started; timings may be noisy. Re-run when idle.')
  }
  for (const outcome of outcomes) {
    lines.push(RULE, outcome.part.title, '')
    if ('error' in outcome) lines.push(`FAILED: ${outcome.error.message}`)
    else lines.push(...outcome.result.report)
  }
  const missed = outcomes.flatMap((outcome) => ('result' in outcome ? outcome.result.missedTargets : []))
  const failed = outcomes.filter((outcome) => 'error' in outcome)
  lines.push(RULE)
  if (missed.length === 0 && failed.length === 0) lines.push('All targets met.')
  if (missed.length > 0)
    lines.push(`${missed.length} TARGET(S) MISSED:`, ...missed.map((line) => `  !! ${line}`))
  if (failed.length > 0)
    lines.push(`${failed.length} PART(S) FAILED: ${failed.map((o) => o.part.name).join(', ')}`)
  lines.push(RULE)
  process.stdout.write(`${lines.join('\n')}\n`)
}

function writeResults(
  machine: ReturnType<typeof machineInfo>,
  outcomes: readonly PartOutcome[],
  quick: boolean,
) {
  const parts = Object.fromEntries(
    outcomes.map((outcome) => [
      outcome.part.name,
      'error' in outcome
        ? { error: outcome.error.message }
        : { missedTargets: outcome.result.missedTargets, ...(outcome.result.json as object) },
    ]),
  )
  const results = { generatedAt: new Date().toISOString(), quick, machine, parts }
  mkdirSync(dirname(RESULTS_FILE), { recursive: true })
  writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`)
  process.stderr.write(`[bench] results written to ${RESULTS_FILE}\n`)
}

async function main(): Promise<void> {
  const { parts, quick } = parseArguments(process.argv.slice(2))
  const machine = machineInfo()
  const outcomes = await runParts(parts, quick)
  printReport(machine, outcomes, quick)
  writeResults(machine, outcomes, quick)
  if (outcomes.some((outcome) => 'error' in outcome)) process.exitCode = 1
}

await main()
