import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react'
import { connectionProblemOf } from '../../../shared/connection-problem'
import type { ServiceErrorInfo } from '../../../shared/service-types'
import { useBridgeEvent } from '../bridge/useBridgeEvent'
import './toasts.css'

export type ToastLevel = 'info' | 'warning' | 'error'

export interface ToastOptions {
  /**
   * The failure behind it: one of Plex's connection kinds (unreachable, token, certificate,
   * maintenance) makes the toast go by itself once Plex answers again.
   */
  cause?: Pick<ServiceErrorInfo, 'code' | 'status'>
  /**
   * 'view' (the default): the result of something done in the shown view, dismissed when the user
   * moves to another. 'app': about the whole app (a notice from main), kept across views.
   */
  scope?: 'view' | 'app'
}

interface Toast {
  id: number
  level: ToastLevel
  message: string
  clearsWhenOnline: boolean
  scope: 'view' | 'app'
}

interface ToastApi {
  show(level: ToastLevel, message: string, options?: ToastOptions): void
  /** The user moved to another view: what was said about the last one goes. */
  leaveView(): void
}

const ToastContext = createContext<ToastApi | null>(null)
// Errors stay until dismissed (or their cause clears): a person may look away while a refresh fails.
const INFO_TIMEOUT_MS = 6000
/** More than this and the older ones fold into one line, so toasts never fill a small window. */
export const MAX_VISIBLE_TOASTS = 2

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([])
  const nextId = useRef(1)

  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((toast) => toast.id !== id)), [])
  const show = useCallback(
    (level: ToastLevel, message: string, options: ToastOptions = {}) => {
      const id = nextId.current++
      const toast: Toast = {
        id,
        level,
        message,
        clearsWhenOnline: options.cause !== undefined && connectionProblemOf(options.cause) !== undefined,
        scope: options.scope ?? 'view',
      }
      // The same message twice (the same failure again) is shown once, as the newest.
      setToasts((all) => [...all.filter((other) => other.message !== message), toast])
      if (level !== 'error') window.setTimeout(() => dismiss(id), INFO_TIMEOUT_MS)
    },
    [dismiss],
  )
  const leaveView = useCallback(() => setToasts((all) => all.filter((toast) => toast.scope === 'app')), [])
  const api = useMemo(() => ({ show, leaveView }), [show, leaveView])

  // The server is back: what its outage made fail is no longer news.
  useBridgeEvent('connection', (status) => {
    if (status.state === 'online') setToasts((all) => all.filter((toast) => !toast.clearsWhenOnline))
  })

  const visible = toasts.slice(-MAX_VISIBLE_TOASTS)
  const folded = toasts.length - visible.length
  return (
    <ToastContext.Provider value={api}>
      {children}
      <div className="toasts" aria-live="polite" data-testid="toasts">
        {folded > 0 && (
          <div className="toast toast-folded" data-testid="toasts-folded">
            <span className="toast-message">
              {folded} earlier {folded === 1 ? 'message' : 'messages'}
            </span>
            <button type="button" className="toast-link" onClick={() => setToasts([])}>
              Dismiss all
            </button>
          </div>
        )}
        {visible.map((toast) => (
          <div
            key={toast.id}
            className={`toast toast-${toast.level}`}
            role={toast.level === 'error' ? 'alert' : 'status'}
            data-testid="toast"
            data-level={toast.level}
          >
            <span className="toast-message" data-testid="toast-message">
              {toast.message}
            </span>
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
