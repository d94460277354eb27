// Lighthouse's accessibility audit of each address given, in one headless Chromium.
// Prints one JSON object: {address: {score, failed: ["audit-id: title", ...]}}.
// The browser is CHROME_PATH (the tests set Debian's Chromium where it is installed).
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";

const addresses = process.argv.slice(2);
const chrome = await chromeLauncher.launch({
  chromeFlags: [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
  ],
});
const results = {};
try {
  for (const address of addresses) {
    const run = await lighthouse(address, {
      port: chrome.port, onlyCategories: ["accessibility"], output: "json", logLevel: "error",
    });
    const failed = Object.values(run.lhr.audits)
      .filter((audit) => audit.scoreDisplayMode === "binary" && audit.score !== 1)
      .map((audit) => `${audit.id}: ${audit.title}`);
    results[address] = { score: run.lhr.categories.accessibility.score, failed };
  }
} finally {
  await chrome.kill();
}
process.stdout.write(JSON.stringify(results));
