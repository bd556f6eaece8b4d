/**
 * Titles, paths and error messages come from the Plex server, and a terminal obeys control
 * sequences in what it prints: "\u001b[2J" in a title would clear the user's screen, an OSC could
 * retitle the window or plant a link. Human output passes through here; --json output keeps its
 * exact values, with every control character escaped.
 */

/* eslint-disable no-control-regex -- matching control characters is the point of this file */
const SEQUENCES = new RegExp(
  [
    // CSI (ESC [ or the one-byte C1 CSI): parameters, intermediates, one final byte.
    '(?:\\u001b\\[|\\u009b)[\\u0030-\\u003f]*[\\u0020-\\u002f]*[\\u0040-\\u007e]',
    // OSC, DCS, SOS, PM, APC: a string up to BEL or ST, or to the end when never terminated.
    '(?:\\u001b[\\]PX^_]|[\\u0090\\u0098\\u009d\\u009e\\u009f])[^\\u0007\\u001b\\u009c]*(?:\\u0007|\\u009c|\\u001b\\\\)?',
    // Any other escape: optional intermediates and one final byte (ESC c resets the terminal).
    '\\u001b[\\u0020-\\u002f]*[\\u0030-\\u007e]',
  ].join('|'),
  'g',
)
/** C0 but tab and newline, DEL, C1: whatever of a sequence is left, and lone control characters. */
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g
const DEL_AND_C1 = /[\u007f-\u009f]/g
/* eslint-enable no-control-regex */

/** `text` without control sequences or control characters; tabs and newlines stay. */
export function terminalSafe(text: string): string {
  return text.replace(SEQUENCES, '').replace(CONTROLS, '')
}

/** For one cell or one line of a listing: a newline in a title must not fake another row. */
export function inlineText(text: string): string {
  return terminalSafe(text).replace(/[\t\n]+/g, ' ')
}

/**
 * JSON.stringify escapes C0 (ESC included) but leaves DEL and C1 raw, and a terminal may take a
 * raw U+009B for CSI. In JSON text they can only sit inside strings, where an escape is the same
 * character: the JSON parses to exactly the same value.
 */
export function jsonWithEscapedControls(json: string): string {
  return json.replace(
    DEL_AND_C1,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}
