import { describe, expect, it } from 'vitest'
import { parseCli, UsageError } from '../../../src/cli/args'

const env = { PLEX_CACHE_DATA_DIR: '/data' }

describe('parseCli', () => {
  it('reads global options anywhere on the line, with env fallbacks for server and token', () => {
    expect(parseCli(['--json', 'libraries', '--server', 'http://a:32400', '--token=t'], env)).toEqual({
      command: { name: 'libraries' },
      options: { dataDir: '/data', json: true, server: 'http://a:32400', token: 't' },
    })
    const fromEnv = parseCli(['stats'], { ...env, PLEX_URL: 'http://b', PLEX_TOKEN: 'u' })
    expect(fromEnv.options).toEqual({ dataDir: '/data', json: false, server: 'http://b', token: 'u' })
    const flagWins = parseCli(['stats', '--server', 'http://c'], { ...env, PLEX_URL: 'http://b' })
    expect(flagWins.options.server).toBe('http://c')
    expect(parseCli(['stats', '--data-dir', '/elsewhere'], env).options.dataDir).toBe('/elsewhere')
    expect(parseCli(['stats'], { ...env, PLEX_URL: '', PLEX_TOKEN: '' }).options).toEqual({
      dataDir: '/data',
      json: false,
    })
  })

  it('parses every command and its own options', () => {
    const command = (...argv: string[]): unknown => parseCli(argv, env).command
    expect(command()).toEqual({ name: 'help' })
    expect(command('stats', '--help')).toEqual({ name: 'help' })
    expect(command('refresh')).toEqual({ name: 'refresh', libraries: [], force: false })
    expect(command('refresh', 'Movies', '2', '--force')).toEqual({
      name: 'refresh',
      libraries: ['Movies', '2'],
      force: true,
    })
    expect(command('items', 'movies', '--offset', '10', '--limit', '5', '--filter', 'gar')).toEqual({
      name: 'items',
      library: 'movies',
      offset: 10,
      limit: 5,
      filter: 'gar',
    })
    expect(command('search', '1', 'The', 'Lost', 'Garden')).toEqual({
      name: 'search',
      library: '1',
      title: 'The Lost Garden',
    })
    expect(command('find', '/media/Alien (1979).mkv')).toEqual({
      name: 'find',
      target: '/media/Alien (1979).mkv',
    })
    expect(command('stats', '--reset')).toEqual({ name: 'stats', reset: true })
    expect(command('clear')).toEqual({ name: 'clear' })
    expect(command('clear', 'TV Shows')).toEqual({ name: 'clear', library: 'TV Shows' })
  })

  it('parses serve with its port and host, leaving the defaults to the proxy', () => {
    const command = (...argv: string[]): unknown => parseCli(argv, env).command
    expect(command('serve')).toEqual({ name: 'serve' })
    expect(command('serve', '--port', '0')).toEqual({ name: 'serve', port: 0 })
    expect(command('serve', '--port=40000', '--host', '0.0.0.0')).toEqual({
      name: 'serve',
      port: 40000,
      host: '0.0.0.0',
    })
  })

  it('hands everything after fake-plex to the fake untouched', () => {
    expect(parseCli(['fake-plex', '--port', '0', '--movies', '5'], env).command).toEqual({
      name: 'fake-plex',
      args: ['--port', '0', '--movies', '5'],
    })
    expect(parseCli(['--data-dir', '/x', 'fake-plex', '--help'], env).command).toEqual({
      name: 'fake-plex',
      args: ['--help'],
    })
  })

  it.each([
    [['frobnicate'], 'Unknown command "frobnicate"'],
    [['stats', '--no-such-option'], "'--no-such-option'"],
    [['items'], 'items needs LIBRARY'],
    [['items', 'a', 'b'], 'unexpected "b"'],
    [['items', 'a', '--limit', '0'], '--limit must be a whole number of at least 1'],
    [['items', 'a', '--offset', '-3'], '--offset'],
    [['items', 'a', '--offset', 'x'], '--offset must be a whole number'],
    [['search', 'Movies'], 'search needs LIBRARY TITLE'],
    [['find'], 'find needs NAME_OR_PATH'],
    [['find', 'a', 'b'], 'unexpected "b"'],
    [['libraries', 'extra'], 'libraries takes no arguments'],
    [['items', 'a', '--force'], '--force is not an option of "items"'],
    [['stats', '--server'], "'--server <value>' argument missing"],
    [['stats', '--server', ' '], '--server needs a non-empty value'],
    [['clear', 'a', 'b'], 'unexpected "b"'],
    [['serve', '--port', '65536'], '--port must be a port number from 0 to 65535'],
    [['serve', '--port', 'http'], '--port must be a port number'],
    [['serve', '--host', ''], '--host needs a non-empty value'],
    [['serve', 'extra'], 'serve takes no arguments'],
    [['items', 'a', '--port', '1'], '--port is not an option of "items"'],
  ])('rejects %j as bad usage', (argv, message) => {
    expect(() => parseCli(argv, env)).toThrow(UsageError)
    expect(() => parseCli(argv, env)).toThrow(message)
  })
})
