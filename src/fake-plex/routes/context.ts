import type { AttrValue } from '../element'
import type { Library } from '../library'
import type { ListingFaults } from '../listing-faults'
import type { SectionRecord } from '../records'
import type { PlexRequest } from '../request'
import type { Outgoing } from '../responses'
import { DATASET_TIME } from '../sections'

export interface ServerIdentity {
  machineIdentifier: string
  version: string
  friendlyName: string
}

/** Everything a route may read; routes never touch the socket. */
export interface RouteContext {
  library: Library
  identity: ServerIdentity
  maxPageSize: number | null
  /** Fault injection: listings repeat their first page (see paging.ts repeatingPage). */
  repeatingPages?: boolean
  /** Fault injection: lying listings (see listing-faults.ts). */
  listingFaults?: ListingFaults
  request: PlexRequest
  /** A shared user's token: the section keys it may see (absent for the owner). */
  visibleSections?: ReadonlySet<string>
}

export type Route = (context: RouteContext) => Outgoing

export const LIBRARY_IDENTIFIER = 'com.plexapp.plugins.library'
export const MEDIA_TAG_PREFIX = '/system/bundle/media/flags/'
export const MEDIA_TAG_VERSION = DATASET_TIME

/** The attributes every container about one section carries. */
export function sectionContainerAttrs(section: SectionRecord): Record<string, AttrValue> {
  return {
    allowSync: true,
    art: `/:/resources/${section.type}-fanart.jpg`,
    identifier: LIBRARY_IDENTIFIER,
    librarySectionID: Number(section.key),
    librarySectionTitle: section.title,
    librarySectionUUID: section.uuid,
    mediaTagPrefix: MEDIA_TAG_PREFIX,
    mediaTagVersion: MEDIA_TAG_VERSION,
    thumb: `/:/resources/${section.type}.png`,
    nocache: true,
  }
}
