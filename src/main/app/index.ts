export { createAppController, type AppController, type AppControllerOptions } from './app-controller'
export { DEMO_DATASET } from './demo-server'
