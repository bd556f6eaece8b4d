import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react'
import './toasts.css'

export type ToastLevel = 'info' | 'warning' | 'error'

interface Toast {
  id: number
  level: ToastLevel
  message: string
}

interface ToastApi {
  show(level: ToastLevel, message: string): void
}

const ToastContext = createContext<ToastApi | null>(null)
// Errors stay until dismissed: a person may look away while a refresh fails.
const INFO_TIMEOUT_MS = 6000

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([])
  const nextId = useRef(1)

  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((toast) => toast.id !== id)), [])
  const show = useCallback(
    (level: ToastLevel, message: string) => {
      const id = nextId.current++
      // The same message twice in a row (a "Refresh all" failing for every library) is shown once.
      setToasts((all) =>
        [...all.filter((toast) => toast.message !== message), { id, level, message }].slice(-4),
      )
      if (level !== 'error') window.setTimeout(() => dismiss(id), INFO_TIMEOUT_MS)
    },
    [dismiss],
  )
  const api = useMemo(() => ({ show }), [show])

  return (
    <ToastContext.Provider value={api}>
      {children}
      <div className="toasts" aria-live="polite">
        {toasts.map((toast) => (
          <div
            key={toast.id}
            className={`toast toast-${toast.level}`}
            role={toast.level === 'error' ? 'alert' : 'status'}
            data-testid="toast"
            data-level={toast.level}
          >
            <span className="toast-message">{toast.message}</span>
            <button
              type="button"
              className="toast-dismiss"
              aria-label="Dismiss"
              onClick={() => dismiss(toast.id)}
            >
              ×
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  )
}

export function useToasts(): ToastApi {
  const api = useContext(ToastContext)
  if (api === null) throw new Error('useToasts is used outside <ToastProvider>')
  return api
}
