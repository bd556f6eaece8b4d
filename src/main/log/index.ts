// The pure parts only: core layers import these without loading electron-log (see log-file.ts).
export { describeError, redactingLogger, silentLogger, type Logger, type LogLevel } from './logger'
export { logFilePath } from './log-path'
