// What Chromium's CORS preflight cache spares an upload: PUTs with a non-simple header from a page to
// another origin that answers Access-Control-Max-Age: 3600, once ten times to one URL and once to ten
// URLs that differ only in the query (as Put Block's blockid does). Prints the OPTIONS each costs.
// Measured (Chromium 156, Debian 12): same URL 10 PUTs → 1 preflight; blockid differs → 10 preflights.
// The cache is keyed by the whole URL, so every block of an upload pays one preflight round trip.
import { createServer } from "node:http";
import { chromium } from "@playwright/test";

let preflights = 0;
let puts = 0;
const storage = createServer((req, res) => {
  const cors = {
    "Access-Control-Allow-Origin": req.headers.origin ?? "*", "Access-Control-Allow-Methods": "PUT",
    "Access-Control-Allow-Headers": "content-md5", "Access-Control-Max-Age": "3600",
  };
  if (req.method === "OPTIONS") {
    preflights++;
    res.writeHead(200, cors).end();
    return;
  }
  req.resume();
  req.on("end", () => {
    puts++;
    res.writeHead(201, cors).end();
  });
});
const site = createServer((_req, res) => res.writeHead(200, { "Content-Type": "text/html" }).end("<p>page</p>"));
await Promise.all([storage, site].map((s) => new Promise((r) => s.listen(0, "127.0.0.1", r))));
const blobUrl = `http://127.0.0.1:${storage.address().port}/container/blob?sv=1&sig=s`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
try {
  const page = await browser.newPage();
  await page.goto(`http://localhost:${site.address().port}/`); // another origin than 127.0.0.1
  const cases = [
    ["one URL, 10 PUTs", Array.from({ length: 10 }, () => `${blobUrl}&comp=block&blockid=AAAA`)],
    ["10 URLs differing in blockid", Array.from({ length: 10 }, (_, i) => `${blobUrl}&comp=block&blockid=B${i}`)],
  ];
  for (const [label, urls] of cases) {
    preflights = 0;
    puts = 0;
    await page.evaluate(async (list) => {
      for (const url of list) await fetch(url, { method: "PUT", body: new Blob(["x"]), headers: { "Content-MD5": "eA==" } });
    }, urls);
    console.log(`${label}: ${puts} PUTs, ${preflights} preflights`);
  }
} finally {
  await browser.close();
  storage.close();
  site.close();
}
