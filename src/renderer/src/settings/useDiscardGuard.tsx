import { useState, type ReactNode } from 'react'
import { ConfirmDialog } from '../dialogs/ConfirmDialog'

export interface DiscardGuard {
  /** Runs `go` at once, or, when `leaving` Settings with unsaved edits, after the person agrees. */
  guard(leaving: boolean, go: () => void): void
  /** The "Discard changes?" dialog while it asks; render it anywhere. */
  dialog: ReactNode
  /** Settings reports whether its form differs from what is saved. */
  onDirtyChange(dirty: boolean): void
}

/** Edits typed into Settings used to vanish on a tab switch without a word: now leaving asks first. */
export function useDiscardGuard(): DiscardGuard {
  const [dirty, setDirty] = useState(false)
  const [pending, setPending] = useState<{ go: () => void } | null>(null)

  const guard = (leaving: boolean, go: () => void) => {
    if (leaving && dirty) setPending({ go })
    else go()
  }

  const dialog = pending && (
    <ConfirmDialog
      open
      title="Discard changes?"
      confirmLabel="Discard changes"
      testId="discard-dialog"
      onCancel={() => setPending(null)}
      onConfirm={() => {
        setPending(null)
        setDirty(false)
        pending.go()
      }}
    >
      <p>Settings has changes that were not saved. Leaving now discards them; Cancel goes back to them.</p>
    </ConfirmDialog>
  )

  return { guard, dialog, onDirtyChange: setDirty }
}
