import type { CachedItem } from '../../src/main/cache'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BenchPart, BenchPartResult, BenchRunOptions } from '../part'
import { generateLibrary, pickFindTargets, pickPageOffsets } from './dataset'
import { runDiskcacheSide } from './diskcache-side'
import type { DiskcacheRun } from './diskcache-side'
import { FULL_PLANS, PAGE_SIZE, QUICK_PLANS } from './plan'
import type { SizePlan, SizeWorkload } from './plan'
import { plexCacheLabel, runPlexCacheSide } from './plex-cache-side'
import { BASELINE_NOTES, compareSize, missedTargets, renderSize } from './report'
import type { SizeResult } from './report'

const PAGE_OFFSET_COUNT = 20
const FIND_TARGET_COUNT = 25

function prepareWorkload(plan: SizePlan, workDir: string): { workload: SizeWorkload; datasetBytes: number } {
  const json = JSON.stringify(generateLibrary(plan.itemCount))
  // Both sides get the items as a JSON parser hands them over, which is how the app receives
  // them from Plex (and how the Python side reads the file). Strings built by the generator's
  // concatenations would otherwise cost our side extra flattening that real data never has.
  const items = JSON.parse(json) as CachedItem[]
  const datasetPath = join(workDir, `dataset-${plan.itemCount}.json`)
  writeFileSync(datasetPath, json)
  const workload: SizeWorkload = {
    plan,
    items,
    datasetPath,
    pageOffsets: pickPageOffsets(items.length, PAGE_SIZE, PAGE_OFFSET_COUNT),
    findTargets: pickFindTargets(items, FIND_TARGET_COUNT),
  }
  return { workload, datasetBytes: Buffer.byteLength(json) }
}

async function run({ quick, log }: BenchRunOptions): Promise<BenchPartResult> {
  const plans = quick ? QUICK_PLANS : FULL_PLANS
  // One scratch directory for datasets and both stores, removed even when a sanity check fails.
  const workDir = mkdtempSync(join(tmpdir(), 'plex-cache-bench-'))
  const results: SizeResult[] = []
  let versions: DiskcacheRun['versions'] | undefined
  try {
    for (const plan of plans) {
      const size = `${plan.itemCount.toLocaleString('en-US')} items`
      log(`cache: ${size}: generating dataset`)
      const { workload, datasetBytes } = prepareWorkload(plan, workDir)
      // The two sides run one after the other, never together, so neither steals the other's CPU.
      log(`cache: ${size}: diskcache baseline`)
      const diskcache = await runDiskcacheSide(workload, join(workDir, `diskcache-${plan.itemCount}`))
      versions = diskcache.versions
      log(`cache: ${size}: PlexCache`)
      const ours = runPlexCacheSide(workload, join(workDir, `plex-cache-${plan.itemCount}`))
      results.push(compareSize(plan.itemCount, datasetBytes, ours, diskcache.samplesMs))
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true })
  }

  const versionLine = versions
    ? `ours: ${plexCacheLabel()}; diskcache ${versions.diskcache} on python ${versions.python} (SQLite ${versions.sqlite})`
    : plexCacheLabel()
  const report = [versionLine, '']
  for (const result of results) report.push(...renderSize(result), '')
  report.push(...BASELINE_NOTES)
  return {
    report,
    json: { versions, pageSize: PAGE_SIZE, sizes: results },
    missedTargets: missedTargets(results),
  }
}

export const cacheBenchPart: BenchPart = {
  name: 'cache',
  title: 'Cache: PlexCache (SQLite, better-sqlite3) vs python-diskcache',
  run,
}
