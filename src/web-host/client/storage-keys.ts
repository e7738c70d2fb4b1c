/** Where the page keeps its request key: this origin's localStorage (port included, unlike cookies). */
export const REQUEST_KEY_STORAGE = 'gcw.requestKey';
/** The header the key travels in (the host checks it on every /api request). */
export const REQUEST_KEY_HEADER = 'x-workbench-key';
