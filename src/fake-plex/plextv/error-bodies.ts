/** plex.tv's JSON error bodies, as it really sends them (facts §6). */
export function plexTvErrorBody(code: number, message: string, status: number): string {
  return JSON.stringify({ errors: [{ code, message, status }] })
}

export const PIN_NOT_FOUND = { status: 404, body: plexTvErrorBody(1020, 'Code not found or expired', 404) }
export const NOT_AUTHENTICATED = {
  status: 401,
  body: plexTvErrorBody(1001, 'User could not be authenticated', 401),
}
export const CLIENT_ID_MISSING = {
  status: 400,
  body: plexTvErrorBody(1000, 'X-Plex-Client-Identifier is missing', 400),
}
export const NOT_FOUND = { status: 404, body: plexTvErrorBody(1002, 'Not found', 404) }

export function serverError(status: number): { status: number; body: string } {
  return { status, body: plexTvErrorBody(status === 429 ? 1003 : 1004, 'Please try again later', status) }
}
