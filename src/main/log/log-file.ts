import electronLog from 'electron-log/node'
import { logFilePath } from './log-path'
import type { Logger } from './logger'
import { rotateLogFiles } from './rotation'

export interface FileLoggerOptions {
  dataDir: string
  /** Past this size the file is rotated before the next line (default 2 MB). */
  maxBytes?: number
  /** Rotated files kept beside the current one: plex-cache.1.log (newest) to plex-cache.N.log (default 3). */
  keepFiles?: number
}

export interface FileLogger extends Logger {
  file: string
}

const DEFAULT_MAX_BYTES = 2 * 1024 * 1024
const DEFAULT_KEEP_FILES = 3

let instances = 0

/**
 * A logger writing to <dataDir>/logs/plex-cache.log with electron-log's plain-Node file transport:
 * synchronous appends (the lines before a crash are kept), rotated by size into a few numbered files.
 * Lines are written as given; wrap it in redactingLogger before anything else sees it.
 */
export function createFileLogger(options: FileLoggerOptions): FileLogger {
  const file = logFilePath(options.dataDir)
  const keepFiles = options.keepFiles ?? DEFAULT_KEEP_FILES
  // Its own instance per data folder: the default one is global, and tests open several folders.
  const log = electronLog.create({ logId: `plex-cache-${++instances}` })
  // Named up front: electron-log otherwise looks for a package.json to name default paths after.
  log.transports.file.setAppName('Plex Cache')
  log.transports.file.resolvePathFn = () => file
  log.transports.file.maxSize = options.maxBytes ?? DEFAULT_MAX_BYTES
  // electron-log puts a space before the text itself.
  log.transports.file.format = '[{y}-{m}-{d} {h}:{i}:{s}.{ms}] [{level}]{text}'
  log.transports.file.archiveLogFn = (current) => rotateLogFiles(current.path, keepFiles)
  // The file is the record; the console of a packaged app goes nowhere, and tests stay quiet.
  log.transports.console.level = false
  return {
    file,
    info: (message) => log.info(message),
    warn: (message) => log.warn(message),
    error: (message) => log.error(message),
  }
}
