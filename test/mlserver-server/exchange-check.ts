// Why: the swagger check as the server uses it: each request it accepts and each response it
// sends is validated (core spec, or the generated swagger of the service consumed), and every
// failure is kept as a readable line in `violations`; checking never throws.
import { loadValidationSpec, type Operation, type SwaggerDoc } from "./swagger/spec";
import { SwaggerValidator, type RequestView, type ResponseView } from "./swagger/validator";

/** §1.3: login, refresh and revoke are the only operations called without a bearer token. */
export const OPEN_OPERATIONS = new Set(["login", "renewToken", "revokeRefreshToken"]);

export function coreValidator(): SwaggerValidator {
  return new SwaggerValidator(loadValidationSpec(), {
    isOpen: (op: Operation) => OPEN_OPERATIONS.has(op.operationId),
    // §1.4: revoke is documented as a bare "HTTP 200" although the swagger declares a token body.
    bodylessOk: (op: Operation) => op.operationId === "revokeRefreshToken",
  });
}

export class ExchangeCheck {
  readonly violations: string[] = [];
  exchanges = 0;
  readonly core = coreValidator();
  private readonly perService = new WeakMap<SwaggerDoc, SwaggerValidator>();

  constructor(private readonly enabled: boolean) {}

  /** The validator for a generated per-service swagger (its consume operation carries `security`). */
  forService(doc: SwaggerDoc): SwaggerValidator {
    let v = this.perService.get(doc);
    if (!v) {
      v = new SwaggerValidator(doc, { isOpen: (op) => !op.security || op.security.length === 0 });
      this.perService.set(doc, v);
    }
    return v;
  }

  request(validator: SwaggerValidator, req: RequestView): void {
    if (!this.enabled) return;
    this.record(`${req.method} ${req.path}`, () => validator.checkRequest(req));
  }

  response(validator: SwaggerValidator, req: RequestView, res: ResponseView): void {
    if (!this.enabled) return;
    this.exchanges++;
    this.record(`${req.method} ${req.path} → ${res.status}`, () => validator.checkResponse(req, res));
  }

  /** A request no operation matches (an unknown route is a client bug worth reporting). */
  unknown(req: RequestView): void {
    if (!this.enabled) return;
    this.exchanges++;
    this.violations.push(`${req.method} ${req.path}: not an operation of the swagger`);
  }

  private record(where: string, check: () => string[]): void {
    try {
      for (const p of check()) this.violations.push(`${where}: ${p}`);
    } catch (e) {
      this.violations.push(`${where}: the check itself failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}
