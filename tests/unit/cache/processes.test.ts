import { spawn } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { PlexCache } from '../../../src/main/cache'
import { tempDir } from '../../support/temp-dir'

const WORKER = path.join(import.meta.dirname, 'fixtures', 'cache-worker.ts')

interface WorkerReport {
  name: string
  writes: number
  reads: number
  hits: number
  errors: string[]
  inconsistent: string[]
}

function runWorker(dataDir: string, name: string, iterations: number, size: number): Promise<WorkerReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', WORKER, dataDir, name, String(iterations), String(size)],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`worker ${name} exited with ${code}: ${stderr}`))
      else resolve(JSON.parse(stdout) as WorkerReport)
    })
  })
}

describe('PlexCache: several processes on one file', () => {
  it('lets two processes write and read the same cache at once without lock errors or torn reads', async () => {
    const dataDir = tempDir()
    const iterations = 25
    const size = 2_000
    const reports = await Promise.all([
      runWorker(dataDir, 'alpha', iterations, size),
      runWorker(dataDir, 'beta', iterations, size),
    ])
    for (const report of reports) {
      expect(report.errors).toEqual([])
      expect(report.inconsistent).toEqual([])
      expect(report.writes).toBe(iterations * 2)
      expect(report.hits).toBe(iterations * 3)
    }

    const cache = new PlexCache({ dataDir })
    try {
      expect(cache.listEntries().map((entry) => [entry.library, entry.itemCount])).toEqual([
        ['Own alpha', size],
        ['Own beta', size],
        ['Shared', size],
      ])
      // Both processes' counters were flushed into the shared file on close: per iteration each
      // worker read the shared library three times, whole and as a page.
      const sharedHits = iterations * 3 * 2 * reports.length
      expect(cache.getStats().byLibrary.Shared).toEqual({ hits: sharedHits, misses: 0 })
      expect(cache.getStats().hits).toBe(sharedHits)
    } finally {
      cache.close()
    }
  }, 120_000)
})
