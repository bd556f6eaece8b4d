/**
 * How titles and paths are compared wherever a person types what they remember: the Inspector's
 * filter, searches answered from a cached library, and find by file name. Case and accents are
 * ignored, so "amelie" finds "Amélie" and "LEON" finds "Léon". Pure, so main, the fake Plex server
 * and tests share it.
 */

/** Letters that Unicode does not decompose into a base letter and an accent, but readers take as plain ones. */
const PLAIN_LETTERS: Readonly<Record<string, string>> = {
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  đ: 'd',
  ł: 'l',
  þ: 'th',
  ı: 'i',
}
const UNDECOMPOSED = /[øæœßđłþı]/g
const COMBINING_MARKS = /\p{M}/gu
const ASCII_ONLY = /^\p{ASCII}*$/u

/**
 * Lower case without accents. Never adds or removes a tab or a line break, so text that keeps
 * fields apart with them can be folded whole.
 */
export function foldForMatch(text: string): string {
  // Most titles and paths are plain ASCII, which normalising cannot change: the costly half is skipped.
  if (ASCII_ONLY.test(text)) return text.toLowerCase()
  return (
    text
      // NFD, not NFKD: compatibility forms such as a full-width solidus must not turn into a path separator.
      .normalize('NFD')
      .replace(COMBINING_MARKS, '')
      .toLowerCase()
      .replace(UNDECOMPOSED, (letter) => PLAIN_LETTERS[letter] ?? letter)
  )
}

/** Digits of a number padded to this width compare as numbers when compared as text. */
const NUMBER_WIDTH = 12

/**
 * A key whose plain text order is the natural order of titles: folded like foldForMatch, with every
 * run of digits padded so "Archive 2" sorts before "Archive 10". Computing one key per item and
 * comparing strings is several times faster than a collator over 100,000 titles.
 */
export function naturalSortKey(text: string): string {
  return foldForMatch(text).replace(/\d+/g, (digits) => {
    const significant = digits.replace(/^0+(?=\d)/, '')
    return significant.length >= NUMBER_WIDTH ? significant : significant.padStart(NUMBER_WIDTH, '0')
  })
}
