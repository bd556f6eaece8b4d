import { formatBytes } from '../../../shared/format'
import type { CachedItem } from '../../../shared/plex-data'
import { externalIdList, optimizedCopies } from './item-facts'

/**
 * Everything kept about the selected item, with every file's full path on its own wrapping line:
 * a row has room for one file name, and a tooltip is no place for the second file.
 */
export function ItemDetails({ item }: { item: CachedItem | undefined }) {
  if (item === undefined) {
    return (
      <p className="item-details item-details-empty muted small" data-testid="item-details-empty">
        Select an item to see all its files and ids.
      </p>
    )
  }
  const ids = externalIdList(item)
  // The user's own files first, as file lookups answer: Plex may list an Optimize copy first.
  const files = [...item.files.filter((file) => !file.optimized), ...optimizedCopies(item)]
  return (
    <section className="item-details" aria-labelledby="item-details-heading" data-testid="item-details">
      <h3 id="item-details-heading" className="item-details-title">
        {item.grandparentTitle !== undefined && `${item.grandparentTitle} › `}
        {item.parentTitle !== undefined && `${item.parentTitle} › `}
        {item.title}
        {item.year !== undefined && <span className="muted"> ({item.year})</span>}
      </h3>
      <dl className="item-details-facts">
        <dt>Type</dt>
        <dd>{item.type}</dd>
        <dt>Rating key</dt>
        <dd>
          <code>{item.ratingKey}</code>
        </dd>
        {item.guid !== undefined && (
          <>
            <dt>Plex guid</dt>
            <dd>
              <code>{item.guid}</code>
            </dd>
          </>
        )}
        {ids.length > 0 && (
          <>
            <dt>External ids</dt>
            <dd data-testid="item-details-ids">
              {ids.map((id) => (
                <span key={id.agent} className="item-details-id">
                  {id.agent} <code>{id.id}</code>
                </span>
              ))}
            </dd>
          </>
        )}
      </dl>
      <h4 className="item-details-subtitle">
        {item.files.length === 0
          ? 'No files'
          : item.files.length === 1
            ? 'File'
            : `${item.files.length} files`}
      </h4>
      {item.files.length > 0 && (
        <ul className="item-details-files">
          {files.map((file, index) => (
            <li key={`${index}:${file.path}`} data-testid="item-details-file">
              <code className="item-details-path">{file.path}</code>
              {file.size !== undefined && <span className="muted small"> {formatBytes(file.size)}</span>}
              {file.optimized && (
                <span className="badge badge-optimized" data-testid="item-details-optimized">
                  optimized version
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
