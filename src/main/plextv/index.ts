export { plexTvEndpoints, PLEX_AUTH_URL, PLEX_TV_URL, type PlexTvEndpoints } from './endpoints'
export { PlexTvError, type PlexTvErrorCode } from './errors'
export { PlexTvClient, type PlexTvPin, type PlexTvClientOptions } from './plextv-client'
export { waitForPinToken, type PinWaitOptions } from './pin-login'
export { authPageUrl } from './auth-url'
export type { PlexTvServer, PlexTvConnection } from './resources'
export {
  SignInFlow,
  pickServer,
  type StartedSignIn,
  type ServerConnectionsChoice,
  type SignInFlowOptions,
} from './sign-in-flow'
export {
  probeConnections,
  chooseConnection,
  rankConnections,
  type ProbedConnection,
} from './connection-choice'
