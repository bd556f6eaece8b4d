import './tones.css'

/** The tints controls/tones.css defines; a label without one keeps its own neutral colours. */
export type Tone = 'warning' | 'info' | 'success'

/** The class that gives a label its tone, or none for a label left neutral. */
export function toneClass(tone: Tone | undefined): string {
  return tone === undefined ? '' : ` tone-${tone}`
}
