import path from 'node:path'

// Deliberately free of `electron` imports, like external-links.ts: what the app may hand to the
// file manager is plain logic that unit tests exercise under Node. index.ts hands in Electron's shell.

/** Electron's shell.openPath and shell.showItemInFolder, or the browser bridge's recorder. */
export interface ShellPaths {
  /** Resolves to an error message, or '' when the path was opened. */
  openPath(target: string): Promise<string>
  showItemInFolder(target: string): void
}

export interface LocalPathOpener {
  /** Opens the data folder in the file manager; false when the system could not. */
  openDataFolder(): Promise<boolean>
  /** Shows the log file selected in its folder. */
  showLogFile(): Promise<boolean>
  /** The one gate both go through: only the data folder may be opened and only the log file shown. */
  open(candidate: string, how: 'open' | 'show'): Promise<boolean>
}

/**
 * The only paths the app hands to the operating system: the data folder (opened) and the log file
 * (shown in its folder). The renderer names neither: its operations take no path. Anything else,
 * including a path that only resolves to one of them through "..", is refused, so a bug elsewhere
 * can never turn this into "open whatever file" (which could run a program).
 */
export function createLocalPathOpener(
  allowed: { dataDir: string; logFile: string },
  shell: ShellPaths,
): LocalPathOpener {
  const dataDir = path.resolve(allowed.dataDir)
  const logFile = path.resolve(allowed.logFile)
  const open = async (candidate: string, how: 'open' | 'show'): Promise<boolean> => {
    if (typeof candidate !== 'string' || candidate !== path.normalize(candidate)) return false
    const resolved = path.resolve(candidate)
    if (how === 'open' && resolved === dataDir) return (await shell.openPath(dataDir)) === ''
    if (how === 'show' && resolved === logFile) {
      shell.showItemInFolder(logFile)
      return true
    }
    return false
  }
  return {
    open,
    openDataFolder: () => open(dataDir, 'open'),
    showLogFile: () => open(logFile, 'show'),
  }
}
