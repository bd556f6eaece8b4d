import { useEffect, useState } from 'react'

export interface ChartColors {
  hits: string
  misses: string
  rate: string
  grid: string
  axis: string
  /** The card behind the chart, to ring the rate line's dots so they stand out on a bar. */
  surface: string
}

// Fallbacks for when stats.css has not applied (component tests without stylesheets).
const FALLBACK: ChartColors = {
  hits: '#2f8f5b',
  misses: '#d9822b',
  rate: '#2457a6',
  grid: '#ddd',
  axis: '#666',
  surface: '#fff',
}

function readColors(): ChartColors {
  const style = getComputedStyle(document.documentElement)
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback
  return {
    hits: read('--stats-hits', FALLBACK.hits),
    misses: read('--stats-misses', FALLBACK.misses),
    rate: read('--stats-rate', FALLBACK.rate),
    grid: read('--stats-grid', FALLBACK.grid),
    axis: read('--stats-axis', FALLBACK.axis),
    surface: read('--surface', FALLBACK.surface),
  }
}

/**
 * The chart colours from stats.css, re-read when the OS switches between light and dark: recharts
 * takes colours as SVG attributes and legend/tooltip swatches, so they are resolved here once.
 */
export function useChartColors(): ChartColors {
  const [colors, setColors] = useState(readColors)
  useEffect(() => {
    const query = window.matchMedia('(prefers-color-scheme: dark)')
    const update = () => setColors(readColors())
    query.addEventListener('change', update)
    return () => query.removeEventListener('change', update)
  }, [])
  return colors
}
