import { summarize } from '../stats'
import type { SampleSummary } from '../stats'
import { formatMs, formatRatio, renderTable } from '../table'
import type { Operation } from './plan'

/**
 * The targets. Each compares one of our operations with a diskcache measurement; for a
 * page the baseline is diskcache's whole-library get, because diskcache cannot read less than
 * the whole pickled library.
 */
interface ComparisonRule {
  operation: Operation
  label: string
  baseline: Operation
  baselineLabel: string
  maxRatio?: number
}

const RULES: ComparisonRule[] = [
  { operation: 'set', label: 'set a library', baseline: 'set', baselineLabel: 'set', maxRatio: 2 },
  { operation: 'get', label: 'get whole library', baseline: 'get', baselineLabel: 'get', maxRatio: 1 },
  {
    operation: 'page',
    label: 'get page of 200',
    baseline: 'get',
    baselineLabel: 'get (whole)',
    maxRatio: 0.05,
  },
  {
    operation: 'find',
    label: 'find by file name',
    baseline: 'find',
    baselineLabel: 'get + scan',
    maxRatio: 0.01,
  },
  { operation: 'miss', label: 'miss', baseline: 'miss', baselineLabel: 'get (absent key)' },
]

export const BASELINE_NOTES = [
  'diskcache side: python-diskcache storing each library as ONE pickled list of item dicts under',
  '"library_items:<name>", as the original module did. Baselines:',
  '  set          cache.set(key, items): pickles and writes the whole library',
  '  get          cache.get(key): reads and unpickles the whole library',
  '  get (whole)  the page target is ours-page vs diskcache whole-library get (diskcache cannot read',
  '               less than the whole value; its get + slice median is in latest.json as "page")',
  "  get + scan   cache.get(key), then every item's files scanned for a case-insensitive base-name match",
  '  get (absent) cache.get of a key never stored (no target)',
  'Times are medians of the timed runs after warm-up; ratio = ours / diskcache, lower is better.',
]

export interface Comparison {
  operation: Operation
  label: string
  oursMedianMs: number
  baseline: Operation
  baselineMedianMs: number
  ratio: number
  maxRatio: number | null
  met: boolean | null
}

export interface SizeResult {
  itemCount: number
  datasetBytes: number
  ours: Record<Operation, SampleSummary>
  diskcache: Record<Operation, SampleSummary>
  comparisons: Comparison[]
  /** Raw timed samples, kept so a later look can check the spread behind each median. */
  samplesMs: { ours: Record<Operation, number[]>; diskcache: Record<Operation, number[]> }
}

function summarizeAll(samples: Record<Operation, number[]>): Record<Operation, SampleSummary> {
  return {
    set: summarize(samples.set),
    get: summarize(samples.get),
    page: summarize(samples.page),
    find: summarize(samples.find),
    miss: summarize(samples.miss),
  }
}

export function compareSize(
  itemCount: number,
  datasetBytes: number,
  oursSamples: Record<Operation, number[]>,
  diskcacheSamples: Record<Operation, number[]>,
): SizeResult {
  const ours = summarizeAll(oursSamples)
  const diskcache = summarizeAll(diskcacheSamples)
  const comparisons = RULES.map((rule): Comparison => {
    const oursMedianMs = ours[rule.operation].medianMs
    const baselineMedianMs = diskcache[rule.baseline].medianMs
    const ratio = oursMedianMs / baselineMedianMs
    return {
      operation: rule.operation,
      label: rule.label,
      oursMedianMs,
      baseline: rule.baseline,
      baselineMedianMs,
      ratio,
      maxRatio: rule.maxRatio ?? null,
      met: rule.maxRatio === undefined ? null : ratio <= rule.maxRatio,
    }
  })
  const rounded = (samples: Record<Operation, number[]>) =>
    Object.fromEntries(
      Object.entries(samples).map(([operation, values]) => [operation, values.map((ms) => +ms.toFixed(4))]),
    ) as Record<Operation, number[]>
  return {
    itemCount,
    datasetBytes,
    ours,
    diskcache,
    comparisons,
    samplesMs: { ours: rounded(oursSamples), diskcache: rounded(diskcacheSamples) },
  }
}

function verdict(comparison: Comparison): string {
  if (comparison.met === null) return '-'
  if (comparison.met) return 'pass'
  // How far off: the factor by which ours must still get faster to meet the target.
  const factor = comparison.ratio / (comparison.maxRatio ?? 1)
  return `MISSED (${factor.toFixed(1)}x too slow)`
}

export function renderSize(result: SizeResult): string[] {
  const baselineLabel = (comparison: Comparison) =>
    RULES.find((rule) => rule.operation === comparison.operation)?.baselineLabel ?? comparison.baseline
  const rows = result.comparisons.map((comparison) => [
    comparison.label,
    formatMs(comparison.oursMedianMs),
    formatMs(comparison.baselineMedianMs),
    baselineLabel(comparison),
    formatRatio(comparison.ratio),
    comparison.maxRatio === null ? '-' : `<= ${formatRatio(comparison.maxRatio)}`,
    verdict(comparison),
  ])
  const megabytes = (result.datasetBytes / 1e6).toFixed(1)
  const runs = (operation: Operation) =>
    `${result.ours[operation].samples}/${result.diskcache[operation].samples}`
  return [
    `${result.itemCount.toLocaleString('en-US')} items (${megabytes} MB as JSON)`,
    ...renderTable(
      [
        { header: 'operation' },
        { header: 'ours ms', align: 'right' },
        { header: 'diskcache ms', align: 'right' },
        { header: 'diskcache baseline' },
        { header: 'ours/dc', align: 'right' },
        { header: 'target', align: 'right' },
        { header: 'result' },
      ],
      rows,
    ),
    `timed runs ours/diskcache: set ${runs('set')}, get ${runs('get')}, page ${runs('page')}, ` +
      `find ${runs('find')}, miss ${runs('miss')}`,
  ]
}

export function missedTargets(results: readonly SizeResult[]): string[] {
  return results.flatMap((result) =>
    result.comparisons
      .filter((comparison) => comparison.met === false)
      .map(
        (comparison) =>
          `cache, ${result.itemCount.toLocaleString('en-US')} items, ${comparison.label}: ` +
          `${formatRatio(comparison.ratio)} of diskcache ${comparison.baseline}, target <= ${formatRatio(comparison.maxRatio ?? 0)}`,
      ),
  )
}
