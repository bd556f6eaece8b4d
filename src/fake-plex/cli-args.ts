import { readFileSync } from 'node:fs'
import type { FakePlexOptions } from './options'

export const USAGE = `Usage: npm run fake-plex -- [options]

Starts the fake Plex Media Server on 127.0.0.1 and runs until Ctrl+C.

Options:
  --port N            port to listen on (default 32400; 0 picks a free one)
  --token T           the one valid X-Plex-Token (default fake-plex-token)
  --seed N            dataset seed (default 1)
  --movies N          movies in section 1 "Movies" (default 250)
  --shows N           shows in section 2 "TV Shows" (default 5)
  --seasons N         seasons per show (default 2)
  --episodes N        episodes per season (default 6)
  --artists N         artists in section 3 "Music" (default 3)
  --albums N          albums per artist (default 2)
  --tracks N          tracks per album (default 8)
  --photos N          photos in section 4 "Photos" (default 12)
  --clips N           videos in the photo albums (default 2 when there are albums)
  --path-style S      posix (/data/Movies/…, the default) or windows (D:\\Movies\\…)
  --max-page-size N   force listings to page at N items (default off)
  --tls-cert FILE     serve https with this PEM certificate (needs --tls-key)
  --tls-key FILE      the PEM private key for --tls-cert
  --help              show this text
`

export const DEFAULT_CLI_PORT = 32400

const DATASET_FLAGS = {
  seed: 'seed',
  movies: 'movies',
  shows: 'shows',
  seasons: 'seasonsPerShow',
  episodes: 'episodesPerSeason',
  artists: 'artists',
  albums: 'albumsPerArtist',
  tracks: 'tracksPerAlbum',
  photos: 'photos',
  clips: 'clips',
} as const

export type CliCommand = { help: true } | { help: false; options: FakePlexOptions }

export class CliUsageError extends Error {}

/** Parses `--name value` and `--name=value`; every number must be a non-negative integer. */
export function parseCliArgs(argv: readonly string[]): CliCommand {
  const options: FakePlexOptions & { dataset: NonNullable<FakePlexOptions['dataset']> } = {
    port: DEFAULT_CLI_PORT,
    dataset: {},
  }
  const tlsFiles: { cert?: string; key?: string } = {}
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? ''
    if (arg === '--help' || arg === '-h') return { help: true }
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg)
    if (!match) throw new CliUsageError(`unexpected argument ${arg}`)
    const name = match[1] ?? ''
    const value = match[2] ?? argv[++i]
    if (value === undefined) throw new CliUsageError(`--${name} needs a value`)
    if (name === 'token') {
      if (value === '') throw new CliUsageError('--token must not be empty')
      options.token = value
    } else if (name === 'port') {
      options.port = count(name, value)
      if (options.port > 65535) throw new CliUsageError('--port must be at most 65535')
    } else if (name === 'max-page-size') {
      options.maxPageSize = count(name, value)
      if (options.maxPageSize < 1) throw new CliUsageError('--max-page-size must be at least 1')
    } else if (name === 'path-style') {
      if (value !== 'posix' && value !== 'windows') {
        throw new CliUsageError('--path-style must be posix or windows')
      }
      options.dataset.pathStyle = value
    } else if (name === 'tls-cert' || name === 'tls-key') {
      tlsFiles[name === 'tls-cert' ? 'cert' : 'key'] = value
    } else if (name in DATASET_FLAGS) {
      options.dataset[DATASET_FLAGS[name as keyof typeof DATASET_FLAGS]] = count(name, value)
    } else {
      throw new CliUsageError(`unknown option --${name}`)
    }
  }
  if ((tlsFiles.cert === undefined) !== (tlsFiles.key === undefined)) {
    throw new CliUsageError('--tls-cert and --tls-key go together')
  }
  if (tlsFiles.cert !== undefined && tlsFiles.key !== undefined) {
    options.tls = { cert: readPem(tlsFiles.cert), key: readPem(tlsFiles.key) }
  }
  return { help: false, options }
}

function readPem(file: string): Buffer {
  try {
    return readFileSync(file)
  } catch (error) {
    throw new CliUsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`)
  }
}

function count(name: string, value: string): number {
  if (!/^\d{1,9}$/.test(value))
    throw new CliUsageError(`--${name} must be a non-negative integer, got "${value}"`)
  return Number(value)
}
