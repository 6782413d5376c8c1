/**
 * One end-to-end import in a process of its own, so its peak RSS is the import's and nothing else's:
 * upload (store the file), preview (read, map, validate, count), commit (insert orders in chunks).
 * argv: database URL, shop id, file path. Prints one JSON line with the time of each step.
 */
import { readFile } from "node:fs/promises";
import { openDb } from "@/db/client";
import { getImport } from "@/server/imports/queries";
import { commitImport, createImport, previewImport } from "@/server/imports/service";
import { commitConcurrency } from "@/server/imports/worker-settings";

const [url, shopId, file] = process.argv.slice(2) as [string, string, string];
const handle = await openDb({ url });
let upload: Buffer | null = await readFile(file);
const started = performance.now();
const { id } = await createImport(handle.db, null, {
  shopId,
  fileName: "bench-100k.csv",
  bytes: upload,
});
// Only the upload step has the file in hand, as in the app (the route stores it; a worker previews
// and commits from the stored copy).
upload = null;
const uploaded = performance.now();
await previewImport(handle.db, id);
const previewed = performance.now();
// The concurrency the import job uses on this driver.
const { ordersCreated } = await commitImport(handle.db, id, {
  concurrency: commitConcurrency(handle.driver === "postgres"),
});
const committed = performance.now();
const seconds = (committed - started) / 1000;
const batch = await getImport(handle.db, id);
await handle.close();
console.log(
  JSON.stringify({
    seconds,
    uploadSeconds: (uploaded - started) / 1000,
    previewSeconds: (previewed - uploaded) / 1000,
    commitSeconds: (committed - previewed) / 1000,
    rows: batch?.totalRows ?? 0,
    validRows: batch?.validRows ?? 0,
    rejectedRows: batch?.rejectedRows ?? 0,
    ordersCreated,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  }),
);
