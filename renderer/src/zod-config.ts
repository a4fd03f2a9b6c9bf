// Imported first by main.tsx, before any schema exists: zod must never probe or compile
// code with Function(), which the Content-Security-Policy forbids (no 'unsafe-eval').
// Set where zod reads its configuration (core.js keeps it on globalThis), without importing
// zod: the app's first script has no schema in it; zod loads with the parts that check data.
// If zod ever moved it, its probe would be a CSP violation, which test/e2e/reader.test.ts fails on.
const zodGlobal = globalThis as { __zod_globalConfig?: Record<string, unknown> };
zodGlobal.__zod_globalConfig = { ...zodGlobal.__zod_globalConfig, jitless: true };

export {};
