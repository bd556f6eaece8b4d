import { Notification } from 'electron'
import type { AppController } from './app/app-controller'
import { BackgroundAlerts } from './app/background-alerts'

export interface BackgroundNotificationsOptions {
  controller: AppController
  isWindowVisible(): boolean
  /** A click on a notification brings the window forward, where the banner offers the fix. */
  showWindow(): void
}

/**
 * Electron's half of background alerts: the decisions are BackgroundAlerts'; this only shows them
 * as system notifications and keeps the setting current. Returns the function that stops it.
 */
export function startBackgroundNotifications(options: BackgroundNotificationsOptions): () => void {
  // Some Linux desktops have no notification server: then there is nothing to show them with.
  if (!Notification.isSupported()) return () => {}
  let enabled = true
  void options.controller.run('getSettings', undefined).then(
    (settings) => (enabled = settings.notifyWhenHidden),
    () => undefined,
  )
  const alerts = new BackgroundAlerts({
    isWindowVisible: options.isWindowVisible,
    enabled: () => enabled,
    notify: ({ title, body }) => {
      const notification = new Notification({ title, body })
      notification.on('click', () => options.showWindow())
      notification.show()
    },
  })
  return options.controller.onEvent((message) => {
    if (message.event === 'settings') enabled = message.payload.notifyWhenHidden
    if (message.event === 'connection') alerts.onConnection(message.payload)
  })
}
