// A generated .ipynb of N R code cells with the outputs a real analysis leaves: every cell a stdout
// stream, every 5th an HTML table (IRkernel's shape, 10 rows), every 10th a plot (a real PNG drawn by
// R), every 3rd a printed value.
export function largeNotebook({ cells, plotPng }) {
  const table = (i) => `<table class="dataframe">\n<caption>A data.frame: 10 × 3</caption>\n<thead><tr><th></th><th>a</th><th>b</th><th>c</th></tr></thead>\n<tbody>\n${
    Array.from({ length: 10 }, (_, r) => `\t<tr><th scope=row>${r + 1}</th><td>${(i * 0.37 + r).toFixed(3)}</td><td>${r * 2}</td><td>g${r % 3}</td></tr>`).join("\n")
  }\n</tbody>\n</table>\n`;
  return {
    nbformat: 4, nbformat_minor: 5,
    metadata: { language_info: { name: "R" } },
    cells: Array.from({ length: cells }, (_, i) => {
      const outputs = [{ output_type: "stream", name: "stdout", text: [`cell ${i}: fitted in ${(i % 17) + 3} iterations\n`, `   Min. 1st Qu.  Median    Mean 3rd Qu.    Max. \n`, ` -2.210  -0.640   0.050   0.012   0.700   2.330 \n`] }];
      if (i % 5 === 0) outputs.push({ output_type: "display_data", metadata: {}, data: { "text/html": [table(i)], "text/plain": [`data.frame ${i}`] } });
      if (i % 10 === 0) outputs.push({ output_type: "display_data", metadata: {}, data: { "image/png": plotPng, "text/plain": ["plot without title"] } });
      if (i % 3 === 0) outputs.push({ output_type: "execute_result", execution_count: i + 1, metadata: {}, data: { "text/plain": [`[1] ${i} ${i + 1} ${i + 2}`] } });
      return {
        cell_type: "code", id: `c${i}`, metadata: {}, execution_count: i + 1,
        source: [`# step ${i}\n`, `x${i} <- rnorm(20)\n`, `summary(x${i})\n`, `head(data.frame(a = x${i}, b = x${i} * 2), 3)`],
        outputs,
      };
    }),
  };
}
