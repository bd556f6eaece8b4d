/** Thrown by routes for the plain HTML errors Plex sends (400 bad parameter, 404 unknown path or key). */
export class PlexHttpError extends Error {
  constructor(
    readonly status: 400 | 404,
    message: string,
  ) {
    super(message)
    this.name = 'PlexHttpError'
  }
}

export function notFound(what: string): PlexHttpError {
  return new PlexHttpError(404, `not found: ${what}`)
}

export function badRequest(why: string): PlexHttpError {
  return new PlexHttpError(400, `bad request: ${why}`)
}
