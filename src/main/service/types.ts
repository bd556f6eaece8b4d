export type * from '../../shared/service-types'
