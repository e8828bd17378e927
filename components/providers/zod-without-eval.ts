// Zod compiles object parsers with `new Function` when it may; the pages' CSP forbids eval, and its
// feature probe alone is reported as a violation. In the browser it parses without compiling.
import { z } from "zod";

z.config({ jitless: true });
