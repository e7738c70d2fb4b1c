// zod compiles its object parsers with `new Function` where it may, and probes for that once. The renderer's CSP
// forbids eval, so the probe is refused and reported as a CSP violation (zod catches the error and carries on).
// Parse without the compiler: no probe, no violation. Imported first by main.tsx: zod reads this setting when
// each schema is built, and the shared schemas are built as their modules load.
import { config } from 'zod';

config({ jitless: true });
