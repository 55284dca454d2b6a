// The backend as one object: the Electron main process, the loopback host and the CLI all
// create one and call dispatch(). It never imports 'electron'.
export { createBackend, type Backend, type BackendOptions } from './backend';
export { defaultDataDir, PRODUCT_NAME } from './data-dir';
