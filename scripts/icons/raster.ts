// A tiny vector painter: shapes are signed distance functions in unit coordinates (0..1 across the
// image, negative inside), so one description renders crisply at 16 px and at 512 px. Edges are
// anti-aliased analytically from the distance instead of by supersampling.

export type Distance = (x: number, y: number) => number
export type Rgba = readonly [number, number, number, number]
/** A colour to paint with, or 'erase' to cut a hole back to transparency. */
export type Paint = Rgba | 'erase'

export function hex(color: string, alpha = 1): Rgba {
  const value = Number.parseInt(color.replace('#', ''), 16)
  return [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff, alpha]
}

export function roundedRect(cx: number, cy: number, halfW: number, halfH: number, radius: number): Distance {
  return (x, y) => {
    const qx = Math.abs(x - cx) - halfW + radius
    const qy = Math.abs(y - cy) - halfH + radius
    return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius
  }
}

/** Approximate (first-order) distance to an axis-aligned ellipse; exact enough for anti-aliasing. */
export function ellipse(cx: number, cy: number, rx: number, ry: number): Distance {
  return (x, y) => {
    const dx = (x - cx) / rx
    const dy = (y - cy) / ry
    const f = dx * dx + dy * dy - 1
    const gradient = 2 * Math.hypot(dx / rx, dy / ry)
    return gradient === 0 ? -Math.min(rx, ry) : f / gradient
  }
}

export function triangle(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): Distance {
  const edges: [number, number, number, number][] = [
    [ax, ay, bx, by],
    [bx, by, cx, cy],
    [cx, cy, ax, ay],
  ]
  const clockwise = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax) > 0
  return (x, y) => {
    let distance = Infinity
    let inside = true
    for (const [x1, y1, x2, y2] of edges) {
      const ex = x2 - x1
      const ey = y2 - y1
      const t = Math.min(Math.max(((x - x1) * ex + (y - y1) * ey) / (ex * ex + ey * ey), 0), 1)
      distance = Math.min(distance, Math.hypot(x - x1 - ex * t, y - y1 - ey * t))
      const side = ex * (y - y1) - ey * (x - x1)
      if (clockwise ? side < 0 : side > 0) inside = false
    }
    return inside ? -distance : distance
  }
}

export const union =
  (...shapes: Distance[]): Distance =>
  (x, y) =>
    Math.min(...shapes.map((shape) => shape(x, y)))

export const intersect =
  (...shapes: Distance[]): Distance =>
  (x, y) =>
    Math.max(...shapes.map((shape) => shape(x, y)))

export const subtract =
  (shape: Distance, hole: Distance): Distance =>
  (x, y) =>
    Math.max(shape(x, y), -hole(x, y))

/** The band of a given width centred on a shape's outline. */
export const outline =
  (shape: Distance, width: number): Distance =>
  (x, y) =>
    Math.abs(shape(x, y)) - width / 2

export interface Layer {
  shape: Distance
  paint: Paint
}

/** Paints the layers in order ("source over") onto a transparent square canvas of `size` pixels. */
export function render(size: number, layers: readonly Layer[]): Uint8Array {
  const pixels = new Uint8Array(size * size * 4)
  for (let row = 0; row < size; row++) {
    for (let column = 0; column < size; column++) {
      const x = (column + 0.5) / size
      const y = (row + 0.5) / size
      let [r, g, b, a] = [0, 0, 0, 0] // premultiplied while compositing
      for (const { shape, paint } of layers) {
        // Coverage of this pixel by the shape: 1 well inside, 0 well outside, linear across one pixel.
        const coverage = Math.min(Math.max(0.5 - shape(x, y) * size, 0), 1)
        if (coverage === 0) continue
        if (paint === 'erase') {
          const keep = 1 - coverage
          ;[r, g, b, a] = [r * keep, g * keep, b * keep, a * keep]
        } else {
          const alpha = paint[3] * coverage
          r = paint[0] * alpha + r * (1 - alpha)
          g = paint[1] * alpha + g * (1 - alpha)
          b = paint[2] * alpha + b * (1 - alpha)
          a = alpha + a * (1 - alpha)
        }
      }
      const offset = (row * size + column) * 4
      pixels[offset] = a === 0 ? 0 : Math.round(r / a)
      pixels[offset + 1] = a === 0 ? 0 : Math.round(g / a)
      pixels[offset + 2] = a === 0 ? 0 : Math.round(b / a)
      pixels[offset + 3] = Math.round(a * 255)
    }
  }
  return pixels
}
