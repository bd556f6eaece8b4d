import { retryNote } from '../../../shared/retry-note'
import type { Progress } from './useLibraries'

/** Determinate once the first page says how many items there are; indeterminate before. */
export function ProgressBar({ label, progress }: { label: string; progress: Progress | undefined }) {
  const known = progress !== undefined && progress.total > 0
  const percent = known ? Math.min(100, (progress.fetched / progress.total) * 100) : 0
  return (
    <div className="progress" data-testid="library-progress">
      <div
        className={`progress-track${known ? '' : ' progress-indeterminate'}`}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={known ? progress.total : undefined}
        aria-valuenow={known ? progress.fetched : undefined}
      >
        <div className="progress-fill" style={known ? { width: `${percent}%` } : undefined} />
      </div>
      <span className="progress-text">
        {known ? `${progress.fetched.toLocaleString()} / ${progress.total.toLocaleString()}` : 'Starting…'}
      </span>
      {progress?.retry ? (
        <span className="progress-retry" data-testid="library-progress-retry" role="status">
          {retryNote(progress.retry)}
        </span>
      ) : null}
    </div>
  )
}
