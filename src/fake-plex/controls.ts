import type { FaultState } from './faults'
import type { Library } from './library'
import { addItem, addSection, nowInSeconds, removeItem, removeSection, renameItem } from './mutations'
import type { FakePlexControls } from './options'
import type { RequestLog } from './request-log'

export function createControls(library: Library, faults: FaultState, log: RequestLog): FakePlexControls {
  return {
    addItem: (sectionKey, fields = {}) => addItem(library, sectionKey, fields, nowInSeconds()),
    addSection: (fields) => addSection(library, fields, nowInSeconds()),
    removeItem: (ratingKey) => removeItem(library, ratingKey, nowInSeconds()),
    removeSection: (key) => removeSection(library, key),
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
    setEndlessPaging: (on) => {
      faults.listing.endlessPaging = on
    },
    setStalledPages: (schedule) => faults.listing.setStall(schedule),
    setPageSizeCap: (size) => faults.listing.setPageSizeCap(size),
    setNoTotals: (on) => {
      faults.listing.noTotals = on
    },
    setWrongTotals: (mode) => {
      faults.listing.wrongTotals = mode
    },
    setUnusableItems: (on) => {
      faults.listing.unusableItems = on
    },
    setRedirect: (pathPrefix, redirect) => faults.setRedirect(pathPrefix, redirect),
    setRateLimited: (retryAfter) => {
      faults.rateLimitRetryAfter = retryAfter
    },
    requestLog: () => log.list(),
    clearRequestLog: () => log.clear(),
    reset: () => faults.reset(),
  }
}
