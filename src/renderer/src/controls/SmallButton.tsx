import type { ReactNode } from 'react'

interface SmallButtonProps {
  /** A second look for the button: `danger` for what deletes, `quiet` for what is secondary. */
  tone?: 'danger' | 'quiet'
  /** What a screen reader says: the action and what it acts on, since rows repeat the text. */
  label: string
  testId: string
  disabled?: boolean
  onClick(): void
  children: ReactNode
}

/** The small button a table row carries for acting on that row. */
export function SmallButton({ tone, label, testId, disabled, onClick, children }: SmallButtonProps) {
  return (
    <button
      type="button"
      className={`button button-small${tone === undefined ? '' : ` button-${tone}`}`}
      aria-label={label}
      data-testid={testId}
      disabled={disabled}
      onClick={onClick}
    >
      {children}
    </button>
  )
}
