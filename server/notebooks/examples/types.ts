// What an example notebook is: its cells, the kernel it is written for (found among the specs the
// user's providers offer at creation time), and where it can run otherwise.
export type ExampleCell = { kind: "code" | "markdown"; source: string };

export type ExampleNotebook = {
  id: string;
  title: string;
  /** One line for the "New from example" menu. */
  summary: string;
  language: "r" | "python";
  /** The Backend.AI image it needs, as the user reads it (also said in its first cell). */
  image: string;
  /** Recognises a spec of that image (its name or description) among the Backend.AI specs. */
  matchesSpec: (spec: { name: string; description?: string; displayName: string }) => boolean;
  cells: ExampleCell[];
};
