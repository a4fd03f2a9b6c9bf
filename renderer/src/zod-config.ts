// Imported first by main.tsx, before any schema exists: zod must never probe or compile
// code with Function(), which the Content-Security-Policy forbids (no 'unsafe-eval').
import { z } from 'zod';

z.config({ jitless: true });
