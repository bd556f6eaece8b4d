// The serializer lives in src/shared so the caching proxy renders Plex answers the same way.
export * from '../shared/plex-element'
