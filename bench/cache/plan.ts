import type { CachedItem } from '../../src/main/cache/types'
import type { FindTarget } from './dataset'

/** What both sides of the cache benchmark do for one library size; shared so they stay identical. */

export const OPERATIONS = ['set', 'get', 'page', 'find', 'miss'] as const
export type Operation = (typeof OPERATIONS)[number]

export const PAGE_SIZE = 200
export const LIBRARY_NAME = 'Movies'
export const MISSING_LIBRARY_NAME = 'absent'

export interface SizePlan {
  itemCount: number
  warmup: number
  iterations: Record<Operation, number>
}

/**
 * Iteration counts per size, chosen so the whole part takes a minute or two on two cores:
 * whole-library operations get fewer rounds as libraries grow, cheap ones keep many.
 */
export const FULL_PLANS: SizePlan[] = [
  { itemCount: 1_000, warmup: 5, iterations: { set: 60, get: 80, page: 100, find: 100, miss: 500 } },
  { itemCount: 10_000, warmup: 3, iterations: { set: 25, get: 30, page: 60, find: 60, miss: 500 } },
  { itemCount: 50_000, warmup: 2, iterations: { set: 11, get: 15, page: 40, find: 40, miss: 500 } },
]

export const QUICK_PLANS: SizePlan[] = [
  { itemCount: 1_000, warmup: 1, iterations: { set: 3, get: 3, page: 5, find: 5, miss: 20 } },
  { itemCount: 10_000, warmup: 1, iterations: { set: 2, get: 2, page: 3, find: 3, miss: 20 } },
]

export interface SizeWorkload {
  plan: SizePlan
  items: CachedItem[]
  /** The same items as JSON on disk, for the Python side. */
  datasetPath: string
  pageOffsets: number[]
  findTargets: FindTarget[]
}
