import type { FaultState } from './faults'
import type { Library } from './library'
import { addItem, addSection, nowInSeconds, removeItem, renameItem } from './mutations'
import type { FakePlexControls } from './options'
import type { RequestLog } from './request-log'

export function createControls(library: Library, faults: FaultState, log: RequestLog): FakePlexControls {
  return {
    addItem: (sectionKey, fields = {}) => addItem(library, sectionKey, fields, nowInSeconds()),
    addSection: (fields) => addSection(library, fields, nowInSeconds()),
    removeItem: (ratingKey) => removeItem(library, ratingKey, nowInSeconds()),
    renameItem: (ratingKey, title) => renameItem(library, ratingKey, title, nowInSeconds()),
    setForcedStatus: (pathPrefix, status) => faults.setForcedStatus(pathPrefix, status),
    setLatency: (ms) => faults.setLatency(ms),
    setDropConnections: (on) => {
      faults.dropConnections = on
    },
    setMalformedJson: (on) => {
      faults.malformedJson = on
    },
    setMaintenance: (on) => {
      faults.maintenance = on
    },
    setGarbledJson: (on) => {
      faults.garbledJson = on
    },
    setTruncatedGzip: (on) => {
      faults.truncatedGzip = on
    },
    setRepeatingPages: (on) => {
      faults.repeatingPages = on
    },
    setOversizedResponse: (bytes) => faults.setOversizedResponse(bytes),
    setMaxPageSize: (size) => faults.setMaxPageSize(size),
    setRedirect: (pathPrefix, redirect) => faults.setRedirect(pathPrefix, redirect),
    setRateLimited: (retryAfter) => {
      faults.rateLimitRetryAfter = retryAfter
    },
    requestLog: () => log.list(),
    clearRequestLog: () => log.clear(),
    reset: () => faults.reset(),
  }
}
