import { describe, expect, it } from 'vitest'
import { HeldMessages, HeldUntilHeard, MAX_HELD } from '../../src/shared/held-until-heard'

describe('HeldMessages', () => {
  it('releases what it held once, oldest first', () => {
    const held = new HeldMessages<string>()
    held.hold('first')
    held.hold('second')
    expect(held.release()).toEqual(['first', 'second'])
    expect(held.release()).toEqual([])
  })

  it('keeps the first ones up to its limit and drops the rest', () => {
    const held = new HeldMessages<number>(3)
    for (let n = 1; n <= 5; n++) held.hold(n)
    expect(held.release()).toEqual([1, 2, 3])
    held.hold(6)
    expect(held.release()).toEqual([6])
  })

  it('holds twenty by default', () => {
    const held = new HeldMessages<number>()
    for (let n = 0; n < MAX_HELD + 5; n++) held.hold(n)
    expect(MAX_HELD).toBe(20)
    expect(held.release()).toHaveLength(20)
  })
})

describe('HeldUntilHeard', () => {
  it('hands what nobody heard to the first listener only, then tells every listener', () => {
    const messages = new HeldUntilHeard<string>()
    messages.emit('early')
    const first: string[] = []
    const second: string[] = []
    messages.on((message) => first.push(message))
    messages.on((message) => second.push(message))
    messages.emit('later')
    expect(first).toEqual(['early', 'later'])
    expect(second).toEqual(['later'])
  })

  it('drops what it is told not to hold while nobody listens', () => {
    const messages = new HeldUntilHeard<string>()
    messages.emit('data', { hold: false })
    messages.emit('notice')
    const heard: string[] = []
    messages.on((message) => heard.push(message))
    messages.emit('more data', { hold: false })
    expect(heard).toEqual(['notice', 'more data'])
  })

  it('holds again once the last listener has gone, up to its limit', () => {
    const messages = new HeldUntilHeard<number>(2)
    const stop = messages.on(() => {})
    stop()
    for (let n = 1; n <= 4; n++) messages.emit(n)
    const heard: number[] = []
    messages.on((message) => heard.push(message))
    expect(heard).toEqual([1, 2])
  })

  it('tells every listener even when one unsubscribes while being told', () => {
    const messages = new HeldUntilHeard<string>()
    const heard: string[] = []
    const stopFirst = messages.on((message) => {
      heard.push(`first ${message}`)
      stopFirst()
    })
    messages.on((message) => heard.push(`second ${message}`))
    messages.emit('a')
    messages.emit('b')
    expect(heard).toEqual(['first a', 'second a', 'second b'])
  })

  it('forgets its listeners and what it held when cleared', () => {
    const messages = new HeldUntilHeard<string>()
    messages.emit('held')
    messages.clear()
    const heard: string[] = []
    messages.on((message) => heard.push(message))
    expect(heard).toEqual([])

    messages.clear()
    messages.emit('after clear')
    expect(heard).toEqual([])
  })
})
