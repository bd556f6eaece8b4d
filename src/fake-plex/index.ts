export { startFakePlex, DEFAULT_TOKEN, DEFAULT_VERSION, FAKE_PLEX_HOST } from './server'
export { DATASET_DEFAULTS } from './dataset'
export type {
  FakePlexControls,
  FakePlexDatasetOptions,
  FakePlexOptions,
  FakePlexServer,
  LoggedRequest,
  SharedUser,
} from './options'
export type { FakeRedirect } from './faults'
