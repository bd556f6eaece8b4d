// Draws the app and tray icons into resources/. Run with: npx tsx scripts/draw-icons.ts
// The motif is a database cylinder of stacked discs: a cache of library data.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { encodeIco } from './icons/ico'
import { encodePng } from './icons/png'
import {
  type Distance,
  type Layer,
  type Paint,
  ellipse,
  hex,
  render,
  roundedRect,
  subtract,
  union,
} from './icons/raster'

const plexAmber = hex('#e5a00d')
const charcoal = hex('#1f2124')
const charcoalLight = hex('#3b3e44')
const templateBlack = hex('#000000')

interface Cylinder {
  cx: number
  top: number
  bottom: number
  halfWidth: number
  /** Vertical radius of the elliptical top and bottom faces. */
  faceRadius: number
  discs: number
  /** Vertical size of the gap between discs, in unit coordinates. */
  gap: number
}

/** The part of the cylinder from its top face down to `bottom`, including the bulge below `bottom`. */
function cylinderSlice(c: Cylinder, bottom: number): Distance {
  const middle = (c.top + bottom) / 2
  return union(
    roundedRect(c.cx, middle, c.halfWidth, (bottom - c.top) / 2, 0),
    ellipse(c.cx, c.top, c.halfWidth, c.faceRadius),
    ellipse(c.cx, bottom, c.halfWidth, c.faceRadius),
  )
}

function cylinderLayers(c: Cylinder, size: number, body: Paint, face: Paint | null, gaps: Paint): Layer[] {
  // Gaps start on a pixel boundary so their straight ends stay sharp on 16 px tray icons.
  const snap = (value: number) => Math.round(value * size) / size
  const layers: Layer[] = [{ shape: cylinderSlice(c, c.bottom), paint: body }]
  const discHeight = (c.bottom - c.top) / c.discs
  for (let disc = 1; disc < c.discs; disc++) {
    const seam = snap(c.top + disc * discHeight - c.gap / 2)
    // The gap follows the curved underside of the disc above it, like a stack of records.
    layers.push({ shape: subtract(cylinderSlice(c, seam + c.gap), cylinderSlice(c, seam)), paint: gaps })
  }
  if (face !== null) layers.push({ shape: ellipse(c.cx, c.top, c.halfWidth, c.faceRadius), paint: face })
  return layers
}

function appIcon(size: number): Uint8Array {
  const tile = roundedRect(0.5, 0.5, 0.44, 0.44, 0.2)
  const cylinder: Cylinder = {
    cx: 0.5,
    top: 0.32,
    bottom: 0.68,
    halfWidth: 0.24,
    faceRadius: 0.075,
    discs: 3,
    gap: 0.04,
  }
  return render(size, [
    { shape: tile, paint: plexAmber },
    ...cylinderLayers(cylinder, size, charcoal, charcoalLight, plexAmber),
  ])
}

/** Tray icons sit on panels of any colour, so the gaps are cut out rather than painted. */
function trayIcon(size: number, color: Paint): Uint8Array {
  const cylinder: Cylinder = {
    cx: 0.5,
    top: 0.19,
    bottom: 0.78,
    halfWidth: 0.4,
    faceRadius: 0.14,
    discs: 3,
    // At least one device pixel, or the discs blur into one blob at 16 px.
    gap: Math.max(0.06, 1 / size),
  }
  return render(size, cylinderLayers(cylinder, size, color, null, 'erase'))
}

const outputs: [file: string, size: number, draw: (size: number) => Uint8Array][] = [
  ['icon.png', 512, appIcon],
  ['tray.png', 16, (size) => trayIcon(size, plexAmber)],
  ['tray@2x.png', 32, (size) => trayIcon(size, plexAmber)],
  // macOS recolours "Template" images for light and dark menu bars; only their alpha matters.
  ['trayTemplate.png', 16, (size) => trayIcon(size, templateBlack)],
  ['trayTemplate@2x.png', 32, (size) => trayIcon(size, templateBlack)],
]

/** Windows shows tray icons at 16 px on ordinary screens and larger with display scaling. */
const windowsTraySizes = [16, 24, 32, 48]

const resourcesDir = join(import.meta.dirname, '..', 'resources')
mkdirSync(resourcesDir, { recursive: true })
for (const [file, size, draw] of outputs) {
  writeFileSync(join(resourcesDir, file), encodePng(size, size, draw(size)))
  console.log(`resources/${file} (${size}x${size})`)
}
const trayIco = encodeIco(
  windowsTraySizes.map((size) => ({ size, png: encodePng(size, size, trayIcon(size, plexAmber)) })),
)
writeFileSync(join(resourcesDir, 'tray.ico'), trayIco)
console.log(`resources/tray.ico (${windowsTraySizes.join(', ')} px)`)
