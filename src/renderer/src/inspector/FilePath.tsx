/** Splits after the last separator, for POSIX and Windows paths alike (Plex servers run on both). */
export function splitPath(path: string): { folder: string; name: string } {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1
  return { folder: path.slice(0, cut), name: path.slice(cut) }
}

/**
 * A path on one line where the folder gives way first: it is cut with an ellipsis, the file name
 * never is (when even the name is too wide it wraps instead). The full path is in the title.
 */
export function FilePath({ path }: { path: string }) {
  const { folder, name } = splitPath(path)
  return (
    <span className="file-path" title={path}>
      {folder !== '' && <span className="file-path-folder">{folder}</span>}
      <span className="file-path-name" data-testid="file-name">
        {name}
      </span>
    </span>
  )
}
