/**
 * Shared by the fake Plex server and the caching proxy (src/main/proxy).
 * One tree, two wire formats: routes build Elements once and the response is rendered as XML or
 * JSON. Attribute values keep their JSON type (string, integer, float, boolean); XML spells
 * booleans as 0/1 the way Plex does.
 */
export type AttrValue = string | number | boolean | undefined

export interface Element {
  tag: string
  attrs: Record<string, AttrValue>
  children: Element[]
  /** JSON groups children under this key instead of the tag: every library item goes into "Metadata". */
  jsonKey?: string
}

export function element(tag: string, attrs: Record<string, AttrValue>, children: Element[] = []): Element {
  return { tag, attrs, children }
}

/** A library item: its XML tag depends on its type, but JSON lists it under Metadata. */
export function itemNode(tag: string, attrs: Record<string, AttrValue>, children: Element[] = []): Element {
  return { tag, attrs, children, jsonKey: 'Metadata' }
}

const XML_PROLOG = '<?xml version="1.0" encoding="UTF-8"?>\n'

export function toXml(root: Element): string {
  return XML_PROLOG + toXmlFragment(root)
}

/**
 * One element without the prolog: the caching proxy streams a listing's items one by one.
 * Built by string concatenation, which V8 joins lazily: about twice as fast as collecting parts
 * in an array, and a listing renders tens of thousands of these.
 */
export function toXmlFragment(node: Element): string {
  let out = '<' + node.tag + xmlAttributes(node.attrs)
  if (node.children.length === 0) return out + '/>\n'
  out += '>\n'
  for (const child of node.children) out += toXmlFragment(child)
  return out + '</' + node.tag + '>\n'
}

/** An element's attributes as XML (` name="value"`…), for a container opened before its items are known. */
export function xmlAttributes(attrs: Record<string, AttrValue>): string {
  let out = ''
  for (const name in attrs) {
    const value = attrs[name]
    if (value !== undefined) out += ' ' + name + '="' + xmlValue(value) + '"'
  }
  return out
}

/** Numbers and booleans never need escaping; Plex spells booleans 0/1. */
function xmlValue(value: string | number | boolean): string {
  if (typeof value === 'string') return escapeAttribute(value)
  if (typeof value === 'boolean') return value ? '1' : '0'
  return String(value)
}

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '\n': '&#10;',
  '\r': '&#13;',
  '\t': '&#9;',
}

// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPING = /[&<>"'\u0000-\u001f]/
// eslint-disable-next-line no-control-regex
const FORBIDDEN_IN_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g

/** Escapes markup and whitespace that attribute normalisation would eat; drops characters XML 1.0 forbids. */
export function escapeAttribute(text: string): string {
  // Most values need nothing, and pages hold tens of thousands of them.
  if (!NEEDS_ESCAPING.test(text)) return text
  return text.replace(FORBIDDEN_IN_XML, '').replace(/[&<>"'\n\r\t]/g, (c) => XML_ESCAPES[c] ?? c)
}

export function toJson(root: Element): string {
  return JSON.stringify({ [root.tag]: jsonObject(root) })
}

/** One element as the JSON object it becomes inside its parent (the proxy streams items this way). */
export function jsonObject(node: Element): Record<string, unknown> {
  const object: Record<string, unknown> = {}
  for (const name in node.attrs) {
    const value = node.attrs[name]
    if (value !== undefined) object[name] = value
  }
  for (const child of node.children) {
    const key = child.jsonKey ?? child.tag
    const group = object[key]
    if (Array.isArray(group)) group.push(jsonObject(child))
    else object[key] = [jsonObject(child)]
  }
  return object
}
