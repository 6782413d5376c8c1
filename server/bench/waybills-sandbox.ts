/**
 * The courier sandbox in its own process for the waybill bench, so the couriers' work (signature
 * checks, label data) does not share a core with the console being measured, as a real courier's
 * would not. Prints its origin as one JSON line, then serves until killed.
 */
import { startTestSandbox } from "@/server/waybills/testing";

const sandbox = await startTestSandbox(["sf", "zto"]);
console.log(JSON.stringify({ origin: sandbox.origin }));
process.on("SIGTERM", () => void sandbox.close().then(() => process.exit(0)));
