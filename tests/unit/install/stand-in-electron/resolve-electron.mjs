// Module hook for the stand-in: `import ... from 'electron'` gets the recording module's shim.
let shimUrl = ''

export function initialize(data) {
  shimUrl = data.shimUrl
}

export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'electron') return { url: shimUrl, shortCircuit: true }
  return nextResolve(specifier, context)
}
