// Stands in for the 'server-only' package under Vitest: Next.js checks it at build time; tests run server modules directly.
export {};
