import { useRef, type KeyboardEvent } from 'react'

export type Tab = 'libraries' | 'statistics' | 'inspector' | 'settings' | 'about'

export const TABS: readonly { id: Tab; label: string }[] = [
  { id: 'libraries', label: 'Libraries' },
  { id: 'statistics', label: 'Statistics' },
  { id: 'inspector', label: 'Inspector' },
  { id: 'settings', label: 'Settings' },
  { id: 'about', label: 'About' },
]

export const tabId = (tab: Tab) => `tab-${tab}`
export const panelId = (tab: Tab) => `panel-${tab}`

/**
 * The app's sections as an ARIA tab list: one Tab stop for the whole list, arrow keys (and
 * Home/End) move between tabs and select them, as in the WAI-ARIA tabs pattern.
 */
export function NavTabs({ current, onSelect }: { current: Tab; onSelect(tab: Tab): void }) {
  const buttons = useRef(new Map<Tab, HTMLButtonElement>())

  const move = (event: KeyboardEvent, index: number) => {
    const step = { ArrowRight: 1, ArrowLeft: -1, Home: -index, End: TABS.length - 1 - index }[event.key]
    if (step === undefined) return
    event.preventDefault()
    const next = TABS[(index + step + TABS.length) % TABS.length]!.id
    onSelect(next)
    buttons.current.get(next)?.focus()
  }

  return (
    <nav className="nav" aria-label="Sections">
      <div className="tabs" role="tablist" aria-label="Sections">
        {TABS.map((tab, index) => {
          const selected = tab.id === current
          return (
            <button
              key={tab.id}
              ref={(element) => {
                if (element) buttons.current.set(tab.id, element)
                else buttons.current.delete(tab.id)
              }}
              type="button"
              role="tab"
              id={tabId(tab.id)}
              className="tab"
              data-testid={`tab-${tab.id}`}
              aria-selected={selected}
              aria-controls={panelId(tab.id)}
              tabIndex={selected ? 0 : -1}
              onClick={() => onSelect(tab.id)}
              onKeyDown={(event) => move(event, index)}
            >
              {tab.label}
            </button>
          )
        })}
      </div>
    </nav>
  )
}
