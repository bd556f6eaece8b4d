import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react'
import './confirm-dialog.css'

interface Props {
  open: boolean
  title: string
  /** What will happen, in words: shown above the buttons. */
  children: ReactNode
  confirmLabel: string
  busy?: boolean
  testId?: string
  onConfirm(): void
  onCancel(): void
}

const FOCUSABLE = 'button:not(:disabled), input:not(:disabled), select:not(:disabled), [href], [tabindex]'

/**
 * A modal confirmation in the page. The native <dialog> makes the rest of the page inert and
 * turns Escape into "cancel"; focus starts on Cancel (the safe choice), Tab cycles inside, and
 * focus goes back to whatever opened the dialog when it closes.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  busy,
  testId,
  onConfirm,
  onCancel,
}: Props) {
  const dialog = useRef<HTMLDialogElement>(null)
  const cancel = useRef<HTMLButtonElement>(null)
  const ids = { title: useId(), body: useId() }

  useEffect(() => {
    const element = dialog.current
    if (!open || element === null) return
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    if (!element.open) element.showModal()
    cancel.current?.focus()
    return () => {
      if (element.open) element.close()
      opener?.focus()
    }
  }, [open])

  const trapTab = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key !== 'Tab' || dialog.current === null) return
    const focusable = [...dialog.current.querySelectorAll<HTMLElement>(FOCUSABLE)]
    const first = focusable[0]
    const last = focusable[focusable.length - 1]
    if (first === undefined || last === undefined) return
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault()
      last.focus()
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault()
      first.focus()
    }
  }

  if (!open) return null
  return (
    <dialog
      ref={dialog}
      className="dialog"
      role="dialog"
      aria-modal="true"
      aria-labelledby={ids.title}
      aria-describedby={ids.body}
      data-testid={testId}
      onKeyDown={trapTab}
      onCancel={(event) => {
        // Escape: let React decide when the dialog goes, so its state and the DOM agree.
        event.preventDefault()
        if (!busy) onCancel()
      }}
    >
      <h2 id={ids.title}>{title}</h2>
      <div id={ids.body} className="dialog-body">
        {children}
      </div>
      <div className="dialog-actions">
        <button
          ref={cancel}
          type="button"
          className="button"
          data-testid="dialog-cancel"
          disabled={busy}
          onClick={onCancel}
        >
          Cancel
        </button>
        <button
          type="button"
          className="button button-danger"
          data-testid="dialog-confirm"
          disabled={busy}
          onClick={onConfirm}
        >
          {confirmLabel}
        </button>
      </div>
    </dialog>
  )
}
