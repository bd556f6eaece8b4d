import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { createHandlerTable } from '../../../src/main/ipc/handler-table'
import { contract, OPERATION_NAMES } from '../../../src/shared/contract'
import { recordingController } from '../app/recording-controller'
import { invalidArgs, SHAPES } from './ipc-fuzz-arbitraries'

/**
 * Issue 7, "Hostile IPC input": random and malicious arguments at every contract operation are
 * refused with INVALID_ARGUMENT before the app is reached. The hand-picked cases live in
 * tests/unit/app/handler-table.test.ts; this throws generated ones, per operation.
 */

const RUNS_PER_OPERATION = 60
/** A fixed seed keeps the suite repeatable; a failure prints the counterexample to pin down. */
const SEED = 7_2026

/** The keys of an operation's argument object, through `.optional()` when the schema has it. */
function schemaKeys(schema: z.ZodType): string[] {
  const def = (schema as unknown as { def: { type: string; innerType?: z.ZodType } }).def
  const object = def.type === 'optional' && def.innerType ? def.innerType : schema
  return Object.keys((object as unknown as { shape: Record<string, unknown> }).shape).sort()
}

describe('hostile IPC arguments', () => {
  it('the fuzzer knows every operation, field by field, and its valid samples are accepted', async () => {
    const { controller, calls } = recordingController()
    const table = createHandlerTable(controller)
    for (const operation of OPERATION_NAMES) {
      const shape = SHAPES[operation]
      expect(Object.keys(shape.fields).sort(), operation).toEqual(schemaKeys(contract[operation].args))
      // Otherwise "valid sample plus one broken thing" could be refused for the wrong reason.
      expect(await table[operation](shape.valid), operation).toMatchObject({ ok: true })
      expect(contract[operation].args.safeParse(undefined).success, operation).toBe(shape.optional)
    }
    expect(calls).toHaveLength(OPERATION_NAMES.length)
  })

  for (const operation of OPERATION_NAMES) {
    it(`${operation}: every generated argument is refused with INVALID_ARGUMENT`, async () => {
      const prototypeKeys = Object.getOwnPropertyNames(Object.prototype)
      const { controller, calls } = recordingController()
      const unexpected: unknown[] = []
      const table = createHandlerTable(controller, (_operation, error) => unexpected.push(error))
      await fc.assert(
        fc.asyncProperty(invalidArgs(operation), async (args) => {
          const answer = await table[operation](args)
          expect(answer).toEqual({
            ok: false,
            error: { code: 'INVALID_ARGUMENT', message: expect.any(String) },
          })
          if (!answer.ok) expect(answer.error.message.length).toBeLessThanOrEqual(300)
        }),
        { numRuns: RUNS_PER_OPERATION, seed: SEED },
      )
      // The service was never reached, nothing blew up inside, and nothing leaked into prototypes.
      expect(calls).toEqual([])
      expect(unexpected).toEqual([])
      expect(({} as Record<string, unknown>).polluted).toBeUndefined()
      expect(Object.getOwnPropertyNames(Object.prototype)).toEqual(prototypeKeys)
    })
  }
})
