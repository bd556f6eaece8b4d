import { randomBytes } from 'node:crypto'

export interface FakePin {
  id: number
  code: string
  clientIdentifier: string
  product: string
  createdAt: number
  expiresAt: number
  polls: number
  authToken: string | null
}

/** The PINs the fake plex.tv handed out; ids count up from a random start, like plex.tv's. */
export class PinStore {
  private readonly pins = new Map<number, FakePin>()
  private nextId = 100_000 + Math.floor(Math.random() * 100_000)

  constructor(
    private readonly lifetimeMs: number,
    private readonly clock: () => number = Date.now,
  ) {}

  create(clientIdentifier: string, product: string, strong: boolean): FakePin {
    const now = this.clock()
    const pin: FakePin = {
      id: this.nextId++,
      // A strong code is long (~25 characters), a plain one 4 (for plex.tv/link).
      code: strong
        ? randomBytes(16).toString('base64url').slice(0, 25)
        : randomBytes(3).toString('hex').slice(0, 4).toUpperCase(),
      clientIdentifier,
      product,
      createdAt: now,
      expiresAt: now + this.lifetimeMs,
      polls: 0,
      authToken: null,
    }
    this.pins.set(pin.id, pin)
    return pin
  }

  /** A live PIN of this client, or undefined (unknown, expired, or asked by another client). */
  live(id: number, clientIdentifier?: string): FakePin | undefined {
    const pin = this.pins.get(id)
    if (!pin || pin.expiresAt <= this.clock()) return undefined
    if (clientIdentifier !== undefined && pin.clientIdentifier !== clientIdentifier) return undefined
    return pin
  }

  expire(id: number): void {
    const pin = this.pins.get(id)
    if (pin) pin.expiresAt = this.clock()
  }

  list(): FakePin[] {
    return [...this.pins.values()]
  }
}

export function pinJson(pin: FakePin, now: number): Record<string, unknown> {
  return {
    id: pin.id,
    code: pin.code,
    product: pin.product,
    trusted: false,
    qr: `https://plex.tv/api/v2/pins/qr/${pin.code}`,
    clientIdentifier: pin.clientIdentifier,
    location: { code: 'XX', european_union_member: false, continent_code: 'XX', country: 'Loopback' },
    expiresIn: Math.max(0, Math.round((pin.expiresAt - now) / 1000)),
    createdAt: new Date(pin.createdAt).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    expiresAt: new Date(pin.expiresAt).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    authToken: pin.authToken,
    newRegistration: null,
  }
}
