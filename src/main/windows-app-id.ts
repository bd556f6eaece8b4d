/**
 * Windows groups taskbar buttons, pins and notifications by this id. The NSIS installer's
 * shortcuts carry electron-builder's appId, so this must equal electron-builder.ts's appId, or the
 * running app shows as a second, unpinned icon and its notifications go unattributed.
 */
export const WINDOWS_APP_USER_MODEL_ID = 'app.plexcache.desktop'
