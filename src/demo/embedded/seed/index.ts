/**
 * Demo data for the embedded mode: each function fills one EMPTY database (blog or market)
 * with schema and rows, inside its own transaction, then ANALYZEs it. Do not call them inside
 * a transaction of your own: they issue BEGIN/COMMIT on the client they are given.
 */
export { seedBlog } from './blog';
export { seedMarket, type SeedOptions } from './market';
