export { startFakePlexTv } from './server'
export { fakeServerResource, closedPort, type FakePmsEndpoint } from './fake-server-resource'
export type {
  FakePlexTv,
  FakePlexTvOptions,
  FakePlexTvServer,
  FakePlexTvConnection,
  FakePlexTvRequest,
} from './types'
