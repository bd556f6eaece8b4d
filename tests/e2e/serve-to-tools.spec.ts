import net from 'node:net'
import { expect, test } from './support/bridge-fixtures'

// Issue 14: Settings → "Serve the cache to other tools" shows the address to give a tool, and why not.

async function listenOnFreePort(): Promise<net.Server> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return server
}

const portOf = (server: net.Server) => (server.address() as net.AddressInfo).port

test('turned on, Settings show the address a tool reads the cache through; turned off, it goes', async ({
  app,
  page,
  plex,
  connectToPlex,
}, testInfo) => {
  await connectToPlex()
  await app.open()
  await app.openTab('settings')
  await app.settings.waitUntilShown()
  await expect(app.settings.toolsUrl()).toBeHidden()

  const probe = await listenOnFreePort()
  const port = portOf(probe)
  await new Promise((resolve) => probe.close(resolve))
  await app.settings.setNumber('tools-port', '80')
  await app.settings.setToggle('serve-to-tools', true)
  await app.settings.save()
  await expect(app.settings.error('tools-port')).toHaveText('Enter a port number from 1024 to 65535.')

  await app.settings.setNumber('tools-port', String(port))
  await app.settings.save()
  await expect(app.settings.saved()).toBeVisible()
  const url = `http://127.0.0.1:${port}`
  await expect(app.settings.toolsUrl()).toHaveText(url)
  await page.getByTestId('settings-tools').screenshot({ path: testInfo.outputPath('serve-to-tools.png') })

  // What the page shows is a working Plex address: a tool with the server's token lists the libraries.
  const sections = await fetch(`${url}/library/sections`, { headers: { 'X-Plex-Token': plex.token } })
  expect(sections.status).toBe(200)
  expect(await sections.text()).toContain('title="Movies"')

  await app.settings.setToggle('serve-to-tools', false)
  await app.settings.save()
  await expect(app.settings.toolsUrl()).toBeHidden()
  await expect(fetch(`${url}/identity`)).rejects.toThrow()
  expect(app.problems.messages).toEqual([])
})

test('a port already in use is said in Settings and in a notice', async ({ app, page, connectToPlex }) => {
  const taken = await listenOnFreePort()
  try {
    await connectToPlex()
    await app.open()
    await app.openTab('settings')
    await app.settings.waitUntilShown()
    await app.settings.setToggle('serve-to-tools', true)
    await app.settings.setNumber('tools-port', String(portOf(taken)))
    await app.settings.save()
    const message = `port ${portOf(taken)} is already in use`
    await expect(app.settings.toolsError()).toContainText(message)
    await expect(page.getByTestId('toast').filter({ hasText: message })).toBeVisible()
    await expect(app.settings.toolsUrl()).toBeHidden()
  } finally {
    await new Promise((resolve) => taken.close(resolve))
  }
})
