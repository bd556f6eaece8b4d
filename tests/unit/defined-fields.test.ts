import { describe, expect, it } from 'vitest'
import { definedFields, presentFields } from '../../src/shared/defined-fields'

describe('definedFields', () => {
  it('leaves out undefined fields, so spreading it keeps what they would have overwritten', () => {
    const current = { a: 1, b: 2, c: 3 }
    const change: Partial<typeof current> = { a: 10, b: undefined }
    expect(definedFields(change)).toEqual({ a: 10 })
    expect({ ...current, ...definedFields(change) }).toEqual({ a: 10, b: 2, c: 3 })
  })

  it('keeps falsy values that are not undefined (null, 0, false, empty text)', () => {
    expect(definedFields({ a: null, b: 0, c: false, d: '' })).toEqual({ a: null, b: 0, c: false, d: '' })
  })

  it('takes only the named keys when given them', () => {
    const options = { ttl: 5, size: undefined, dataDir: '/tmp/x' }
    expect(definedFields(options, ['ttl', 'size'])).toEqual({ ttl: 5 })
  })
})

describe('presentFields', () => {
  it('takes the named fields that are there, undefined too, so spreading it clears them', () => {
    const current = { server: 'http://a', token: 't', ttl: 5 }
    const change: Partial<typeof current> = { server: undefined, ttl: undefined }
    expect(presentFields(change, ['server', 'token'])).toEqual({ server: undefined })
    expect(Object.keys(presentFields(change, ['server', 'token']))).toEqual(['server'])
    expect({ ...current, ...definedFields(change), ...presentFields(change, ['server', 'token']) }).toEqual({
      server: undefined,
      token: 't',
      ttl: 5,
    })
  })
})
