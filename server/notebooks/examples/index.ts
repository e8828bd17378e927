// The example notebooks the "New from example" menu offers.
import { cntkLogisticRegression } from "./cntk-logistic-regression";
import { mroLinearAlgebra } from "./mro-linear-algebra";
import type { ExampleNotebook } from "./types";

export const EXAMPLES: readonly ExampleNotebook[] = [mroLinearAlgebra, cntkLogisticRegression];

/** What the menu shows of each example. */
export function exampleSummaries() {
  return EXAMPLES.map(({ id, title, summary, language, image }) => ({ id, title, summary, language, image }));
}
