/** Items per block: five of python-plexapi's pages of 100, about 200 KB of XML. */
export const BLOCK_ITEMS = 500

/** A 50,000-item listing is about 20 MB of XML: room for it and a few smaller ones. */
const DEFAULT_MAX_CHARS = 32 * 1024 * 1024

/**
 * Rendered items held as one flat string with each item's bounds: a run of items is then one
 * slice of it, and a block is two objects for the garbage collector to trace, not thousands.
 */
export class RenderedBlock {
  private constructor(
    private readonly text: string,
    /** Item i spans bounds[i] up to bounds[i + 1], less the separator after it. */
    private readonly bounds: Uint32Array,
    private readonly separator: string,
  ) {}

  /** `separator` goes between items: ',' for JSON, nothing for XML. */
  static of(items: readonly string[], separator: string): RenderedBlock {
    const bounds = new Uint32Array(items.length + 1)
    let at = 0
    items.forEach((item, index) => {
      bounds[index] = at
      at += item.length + separator.length
    })
    bounds[items.length] = at
    return new RenderedBlock(items.join(separator), bounds, separator)
  }

  get count(): number {
    return this.bounds.length - 1
  }

  get chars(): number {
    return this.text.length
  }

  /** Items `from` up to `to` as one string, with the separator between them. */
  run(from: number, to: number): string {
    if (to <= from) return ''
    return this.text.slice(this.bounds[from], this.bounds[to]! - this.separator.length)
  }
}

/**
 * Listing items already rendered for tools, by block of BLOCK_ITEMS: tools read the same listings
 * again and again, and reading and rendering them anew from the cache file was most of the time a
 * cached page took. Kept by the stored copy they came from (a refresh makes a new one), format and
 * options; the least recently used blocks go first past the bound. A block being rendered is
 * rendered once, whoever asks for it meanwhile.
 */
export class RenderedBlocks {
  private readonly blocks = new Map<string, RenderedBlock>()
  private readonly rendering = new Map<string, Promise<RenderedBlock | undefined>>()
  private chars = 0

  constructor(private readonly maxChars = DEFAULT_MAX_CHARS) {}

  /** The block kept under `key`, or the one `render` gives (kept when it fits); undefined if none. */
  async get(
    key: string,
    render: () => Promise<RenderedBlock | undefined>,
  ): Promise<RenderedBlock | undefined> {
    const kept = this.blocks.get(key)
    if (kept) {
      // Most recently used last: the first in the map is the next to go.
      this.blocks.delete(key)
      this.blocks.set(key, kept)
      return kept
    }
    let pending = this.rendering.get(key)
    if (!pending) {
      pending = render()
        .then((block) => {
          if (block) this.keep(key, block)
          return block
        })
        .finally(() => this.rendering.delete(key))
      this.rendering.set(key, pending)
    }
    return pending
  }

  /** Characters held now (UTF-16 code units), against the bound. */
  get heldChars(): number {
    return this.chars
  }

  private keep(key: string, block: RenderedBlock): void {
    if (block.chars > this.maxChars) return
    this.blocks.set(key, block)
    this.chars += block.chars
    for (const [oldest, old] of this.blocks) {
      if (this.chars <= this.maxChars) break
      this.blocks.delete(oldest)
      this.chars -= old.chars
    }
  }
}
