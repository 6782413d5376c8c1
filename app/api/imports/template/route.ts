import { download, sessionFor } from "@/server/imports/http";
import { templateFile } from "@/server/imports/presets";

export const dynamic = "force-dynamic";

/** Our own import template (`?format=csv` for CSV; XLSX by default), with two example rows. */
export async function GET(request: Request) {
  const auth = await sessionFor(request);
  if (auth instanceof Response) return auth;
  const format = new URL(request.url).searchParams.get("format") === "csv" ? "csv" : "xlsx";
  return download(await templateFile(format), `订单导入模板.${format}`, format);
}
