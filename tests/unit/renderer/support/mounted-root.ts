import { act } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeEach } from 'vitest'

/** A React root in a fresh element of the document for each test of the calling describe, unmounted after it. */
export function mountedPerTest(): { readonly container: HTMLElement; readonly root: Root } {
  let container: HTMLElement
  let root: Root
  beforeEach(() => {
    container = document.createElement('div')
    document.body.append(container)
    root = createRoot(container)
  })
  afterEach(() => {
    act(() => root.unmount())
    container.remove()
  })
  return {
    get container() {
      return container
    },
    get root() {
      return root
    },
  }
}
