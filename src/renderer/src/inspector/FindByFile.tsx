import { useId, useState, type FormEvent } from 'react'
import { formatDuration } from '../../../shared/format'
import type { FileMatchRow } from '../../../shared/service-types'
import { useBridge } from '../bridge/BridgeContext'
import { useToasts } from '../toasts/Toasts'

interface FindByFileProps {
  /** Shows the matched item in the item browser. */
  onShow: (match: FileMatchRow) => void
}

/** Which cached item owns a file: by its name ("Movie (2001).mkv") or its full path. */
export function FindByFile({ onShow }: FindByFileProps) {
  const bridge = useBridge()
  const toasts = useToasts()
  const inputId = useId()
  const [text, setText] = useState('')
  const [busy, setBusy] = useState(false)
  const [answer, setAnswer] = useState<{ asked: string; matches: FileMatchRow[]; at: number } | null>(null)

  const find = async (event: FormEvent) => {
    event.preventDefault()
    const asked = text.trim()
    if (asked === '') return
    setBusy(true)
    const result = await bridge.findByFile({ nameOrPath: asked })
    setBusy(false)
    if (result.ok) setAnswer({ asked, matches: result.value, at: Date.now() })
    else toasts.show('error', result.error.message)
  }

  return (
    <section className="panel inspector-panel" aria-labelledby="find-heading" data-testid="find-by-file">
      <form className="panel-header find-form" onSubmit={(event) => void find(event)}>
        <div>
          <h2 id="find-heading">Find by file</h2>
          <p className="muted small">A file name or a full path, in every cached library.</p>
        </div>
        <label className="inspector-field inspector-field-grow" htmlFor={inputId}>
          <span>File name or path</span>
          <input
            id={inputId}
            type="search"
            value={text}
            placeholder="e.g. /data/movies/Alien (1979)/Alien (1979).mkv"
            onChange={(event) => setText(event.target.value)}
            data-testid="find-input"
          />
        </label>
        <button
          type="submit"
          className="button button-primary"
          disabled={busy || text.trim() === ''}
          data-testid="find-submit"
        >
          Find
        </button>
      </form>
      {answer !== null && <FindResults {...answer} onShow={onShow} />}
    </section>
  )
}

/** `at`: when the answer came, so a stale copy's age is as of then. */
export function FindResults({
  asked,
  matches,
  at,
  onShow,
}: { asked: string; matches: FileMatchRow[]; at: number } & FindByFileProps) {
  if (matches.length === 0) {
    return (
      <p className="muted" role="status" data-testid="find-none">
        No cached item has a file “{asked}”.
      </p>
    )
  }
  return (
    <ul className="find-results" aria-label={`Files matching ${asked}`} data-testid="find-results">
      {matches.map((match) => (
        <li
          key={`${match.library.key}:${match.item.ratingKey}:${match.file.path}`}
          className="find-result"
          data-testid="find-result"
        >
          <div className="find-result-text">
            <span className="find-result-title" data-testid="find-result-title">
              {match.item.title}
              {match.item.year !== undefined && <span className="muted"> ({match.item.year})</span>}
            </span>
            <span className="muted small">
              {match.library.title} · <code className="find-result-path">{match.file.path}</code>
            </span>
            {match.file.optimized && (
              <span className="muted small" data-testid="find-result-optimized">
                <span className="badge badge-optimized">optimized version</span> of {match.item.title}, made
                by Plex: not the original file
              </span>
            )}
            {match.source === 'stale' && (
              <span className="muted small" data-testid="find-result-stale">
                <span className="badge badge-stale">stale</span> fetched{' '}
                {formatDuration(at - match.fetchedAt)} ago
                {match.error ? ', Plex could not be asked' : ', being revalidated'}
              </span>
            )}
          </div>
          <button
            type="button"
            className="button button-small"
            aria-label={`Show in list: ${match.item.title}`}
            onClick={() => onShow(match)}
            data-testid="find-show"
          >
            Show in list
          </button>
        </li>
      ))}
    </ul>
  )
}
