import { element } from '../element'
import { containerResponse } from '../responses'
import { LIBRARY_IDENTIFIER, MEDIA_TAG_PREFIX, MEDIA_TAG_VERSION, type Route } from './context'

/** `GET /identity`: the one route without a token, used to check reachability. */
export const identityRoute: Route = ({ identity, request }) =>
  containerResponse(
    element('MediaContainer', {
      size: 0,
      claimed: true,
      machineIdentifier: identity.machineIdentifier,
      version: identity.version,
    }),
    request.wantsJson,
  )

// A few of the directories a real server lists at its root; only library and hubs are served.
const ROOT_DIRECTORIES = [
  'activities',
  'butler',
  'hubs',
  'library',
  'playlists',
  'search',
  'servers',
  'system',
]

/** `GET /`: python-plexapi's connection test. */
export const rootRoute: Route = ({ identity, library, request }) => {
  const updatedAt = Math.max(...library.sections.map((section) => section.updatedAt))
  const directories = ROOT_DIRECTORIES.map((key) => element('Directory', { count: 1, key, title: key }))
  return containerResponse(
    element(
      'MediaContainer',
      {
        size: directories.length,
        allowSync: false,
        claimed: true,
        friendlyName: identity.friendlyName,
        machineIdentifier: identity.machineIdentifier,
        multiuser: true,
        myPlex: true,
        myPlexSigninState: 'ok',
        myPlexUsername: 'fake-owner@example.invalid',
        // Real servers list their Plex Pass features here; @ctrl/plex's connect() splits it.
        ownerFeatures: 'federated-auth,hardware_transcoding,sync',
        platform: 'Linux',
        platformVersion: '6.1.0',
        transcoderActiveVideoSessions: 0,
        updatedAt,
        version: identity.version,
      },
      directories,
    ),
    request.wantsJson,
  )
}

/** `GET /library`: python-plexapi reads it before anything under /library. */
export const libraryRoute: Route = ({ request }) => {
  const directories = [
    element('Directory', { key: 'sections', title: 'Library Sections' }),
    element('Directory', { key: 'recentlyAdded', title: 'Recently Added Content' }),
    element('Directory', { key: 'onDeck', title: 'On Deck Content' }),
  ]
  return containerResponse(
    element(
      'MediaContainer',
      {
        size: directories.length,
        allowSync: false,
        art: '/:/resources/library-art.png',
        content: '',
        identifier: LIBRARY_IDENTIFIER,
        mediaTagPrefix: MEDIA_TAG_PREFIX,
        mediaTagVersion: MEDIA_TAG_VERSION,
        title1: 'Plex Library',
        title2: '',
      },
      directories,
    ),
    request.wantsJson,
  )
}
