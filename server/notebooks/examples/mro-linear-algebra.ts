// Example: what Microsoft R Open's multithreaded Intel MKL brings to dense linear algebra, timed
// with base R only so the same cells also run (more slowly) on reference-BLAS R for comparison.
import type { ExampleNotebook } from "./types";

const md = (source: string) => ({ kind: "markdown" as const, source });
const r = (source: string) => ({ kind: "code" as const, source });

export const mroLinearAlgebra: ExampleNotebook = {
  id: "mro-linear-algebra",
  title: "Microsoft R Open: multithreaded linear algebra",
  summary: "Matrix multiply and SVD timings that show what MRO's Intel MKL brings (Backend.AI MRO image).",
  language: "r",
  image: "lablup/kernel-r:mro-3.4.2-ubuntu",
  matchesSpec: (spec) => /mro|microsoft r open/i.test(`${spec.name} ${spec.description ?? ""} ${spec.displayName}`),
  cells: [
    md(`# Microsoft R Open: multithreaded linear algebra

**Needs the Backend.AI image \`lablup/kernel-r:mro-3.4.2-ubuntu\`** (Microsoft R Open 3.4.2, linked to Intel MKL). Pick *Microsoft R Open — Backend.AI* in the kernel picker, and give it 2 or more CPU cores with the resources button next to it.

R's reference BLAS runs matrix algebra on one core; MRO's MKL uses every core it is given. Run the notebook once on the MRO image and once on a plain R kernel (e.g. *R 4.2.3 — Backend.AI*) and compare the tables at the end.`),
    r(`# Which R, and which BLAS?
cat(R.version.string, "\\n")
mkl <- exists("getMKLthreads", mode = "function")
if (mkl) cat("Intel MKL with", getMKLthreads(), "threads\\n") else cat("Reference BLAS: one thread for matrix algebra\\n")
cat("Cores visible to this kernel:", parallel::detectCores(), "\\n")`),
    md(`## The workload
A dense matrix product and a singular value decomposition: the two operations MKL speeds up most. Sizes are kept modest so the notebook finishes in seconds even on one core; raise \`n\` on a big kernel.`),
    r(`set.seed(42)
n <- 1000
A <- matrix(rnorm(n * n), n, n)
time_of <- function(expr) system.time(expr)[["elapsed"]]
timings <- data.frame(
  operation = c("A %*% A", "crossprod(A)", "svd(A[1:500, 1:500])", "solve(A)"),
  seconds = c(
    time_of(A %*% A),
    time_of(crossprod(A)),
    time_of(svd(A[1:500, 1:500])),
    time_of(solve(A))
  )
)
timings`),
    md(`## Threads (MRO only)
With MKL, the same product timed at 1, 2 and 4 threads shows how the work scales with the cores the kernel has.`),
    r(`if (mkl) {
  threads <- unique(pmin(c(1, 2, 4), parallel::detectCores()))
  scaling <- data.frame(threads = threads, seconds = vapply(threads, function(k) {
    setMKLthreads(k)
    time_of(A %*% A)
  }, numeric(1)))
  setMKLthreads(max(threads))
  scaling$speedup <- round(scaling$seconds[1] / scaling$seconds, 2)
  print(scaling)
  barplot(scaling$speedup, names.arg = scaling$threads, xlab = "MKL threads", ylab = "Speed-up over 1 thread",
          main = "Matrix multiply 1000 x 1000", col = "steelblue")
} else {
  cat("Not on MRO: run this notebook on the Microsoft R Open image to see thread scaling.\\n")
}`),
    r(`barplot(timings$seconds, names.arg = timings$operation, las = 2, cex.names = 0.8, ylab = "seconds",
        main = if (mkl) "Microsoft R Open (MKL)" else "Reference BLAS", col = if (mkl) "darkorange" else "grey60")`),
  ],
};
