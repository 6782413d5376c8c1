import { PassThrough, Readable } from "node:stream";
import ExcelJS, { type CellValue } from "exceljs";

/** Rows of the first worksheet as text, with their 1-based sheet row numbers. */
export type SheetRows = { rows: { rowNumber: number; cells: string[] }[]; warnings: string[] };

/** Excel shows (and stores) 15 significant digits; anything longer in a number cell is lost. */
const EXCEL_PRECISION = 15;
const MAX_WARNINGS = 20;

/**
 * Reads the first worksheet with exceljs' streaming reader.
 *
 * Why streaming: `workbook.xlsx.load()` builds a full object model with styles for every
 * cell; for a 100k-row order export that measured ~4.7 s and ~780 MB RSS, far over the import
 * budget, while the streaming reader took ~2.7 s CPU and ~170 MB more RSS. `styles: "cache"`
 * is still needed, because a date is just a number whose number format says "date".
 *
 * Every worksheet's rows are iterated even when we only keep one: exceljs parks worksheets that
 * precede sharedStrings.xml in temp files and only deletes a file after its rows are consumed,
 * so breaking out early would leak temp files and descriptors in a long-running server.
 */
export async function readFirstSheet(bytes: Uint8Array): Promise<SheetRows> {
  const input = Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]);
  const reader = new Utf8SafeWorkbookReader(input, {
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    worksheets: "emit",
    entries: "ignore",
  });
  const warnings: string[] = [];
  let result: SheetRows["rows"] | null = null;
  for await (const sheet of reader) {
    const keep = result === null && isFirstSheet(reader, sheet);
    const rows: SheetRows["rows"] = [];
    for await (const row of sheet) {
      if (!keep) continue;
      const values = row.values;
      // exceljs gives a 1-based sparse array; index 0 is always empty.
      const raw: CellValue[] = Array.isArray(values) ? values.slice(1) : [];
      const cells = Array.from(raw, (v, i) =>
        cellText(v, (msg) => {
          if (warnings.length < MAX_WARNINGS)
            warnings.push(`Row ${row.number}, column ${i + 1}: ${msg}`);
        }),
      );
      rows.push({ rowNumber: row.number, cells });
    }
    if (keep) result = rows;
  }
  return { rows: result ?? [], warnings };
}

type Method = (this: unknown, ...args: unknown[]) => unknown;

function baseMethod(name: string): Method {
  const method: unknown = Reflect.get(ExcelJS.stream.xlsx.WorkbookReader.prototype, name);
  if (typeof method !== "function") {
    throw new Error(`exceljs WorkbookReader.${name} is missing; re-check the UTF-8 fix in xlsx.ts`);
  }
  return method as Method;
}

/** Decodes a byte stream as one UTF-8 text, so a character split across chunks survives. */
async function* utf8Chunks(source: AsyncIterable<unknown>): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8");
  for await (const chunk of source) {
    if (typeof chunk === "string") yield chunk;
    else if (chunk instanceof Uint8Array) yield decoder.decode(chunk, { stream: true });
  }
  yield decoder.decode();
}

/**
 * exceljs 4.4's streaming reader runs `new TextDecoder().decode(chunk)` on every zip chunk
 * separately (lib/utils/parse-sax.js), so any multi-byte character that straddles two chunks
 * becomes U+FFFD: in a Chinese order export that garbles names and addresses every ~16 KB.
 * Its XML parser passes strings through untouched, so we hand it text decoded across chunk
 * boundaries: worksheet chunk iterators are re-decoded, other parts get `setEncoding("utf8")`
 * (Node's StringDecoder keeps partial characters). These overrides touch exceljs internals;
 * the "large Chinese sheet" tests in xlsx.test.ts fail loudly if an upgrade changes them.
 */
class Utf8SafeWorkbookReader extends ExcelJS.stream.xlsx.WorkbookReader {
  _parseWorksheet(iterator: AsyncIterable<unknown>, sheetNo: string): unknown {
    return baseMethod("_parseWorksheet").call(this, utf8Chunks(iterator), sheetNo);
  }

  _parseSharedStrings(entry: NodeJS.ReadableStream): unknown {
    entry.setEncoding("utf8");
    return baseMethod("_parseSharedStrings").call(this, entry);
  }

  _parseStyles(entry: NodeJS.ReadableStream): unknown {
    entry.setEncoding("utf8");
    return baseMethod("_parseStyles").call(this, entry);
  }

  _parseWorkbook(entry: NodeJS.ReadableStream): unknown {
    entry.setEncoding("utf8");
    return baseMethod("_parseWorkbook").call(this, entry);
  }
}

/**
 * "First worksheet" means first tab in workbook.xml order, not first file in the zip (tabs can
 * be reordered). exceljs exposes neither on its types, hence the narrow structural reads.
 * When the workbook part has not been parsed yet, the first emitted sheet is the best we have.
 */
function isFirstSheet(reader: object, sheet: object): boolean {
  const model: unknown = Reflect.get(reader, "model");
  const sheets: unknown = model && typeof model === "object" ? Reflect.get(model, "sheets") : null;
  const first: unknown = Array.isArray(sheets) ? (sheets as unknown[])[0] : undefined;
  const firstId = first && typeof first === "object" ? idText(Reflect.get(first, "id")) : null;
  return firstId === null || idText(Reflect.get(sheet, "id")) === firstId;
}

/** Sheet ids are numbers in the workbook model but strings in parsed file names. */
function idText(id: unknown): string | null {
  return typeof id === "number" || typeof id === "string" ? String(id) : null;
}

/** One cell as the text the user sees in Excel, minus display-only formatting. */
export function cellText(value: CellValue, warn: (message: string) => void): string {
  if (value === null || value === undefined) return "";
  // Copy the text: the XML parser hands out slices of its 16 KB input chunks, and V8 keeps a
  // whole chunk alive for as long as any slice of it lives. Measured on 100k rows: 201 MB of
  // live heap for the table without the copy, 86 MB with it.
  if (typeof value === "string") return (" " + value).slice(1);
  if (typeof value === "number") {
    if (Number.isInteger(value) && !Number.isSafeInteger(value)) {
      warn(
        `the number ${plainNumber(value)} has more digits than Excel keeps; if it is an order ` +
          "number, format the column as Text in the export and download it again",
      );
    }
    return plainNumber(value);
  }
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return formatWallClock(value);
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("error" in value) return value.error;
  if ("hyperlink" in value) {
    // At runtime the link text can itself be rich text, despite the declared `string`.
    const text: unknown = value.text;
    return typeof text === "string" ? text : cellText(text as CellValue, warn);
  }
  if ("formula" in value || "sharedFormula" in value) {
    return value.result === undefined ? "" : cellText(value.result, warn);
  }
  return "";
}

/**
 * Formats a number like Excel's General format would, but never in scientific notation.
 * Fractions are rounded to Excel's 15 significant digits so formula noise such as
 * 59.699999999999996 reads 59.7; integers are left alone (rounding would invent zeros).
 */
export function plainNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const shown = Number.isInteger(n) ? n : Number(n.toPrecision(EXCEL_PRECISION));
  const s = String(shown);
  const e = s.indexOf("e");
  if (e < 0) return s;
  const exponent = Number(s.slice(e + 1));
  const negative = s.startsWith("-");
  const mantissa = s.slice(negative ? 1 : 0, e);
  const dot = mantissa.indexOf(".");
  const digits = mantissa.replace(".", "");
  const point = (dot < 0 ? mantissa.length : dot) + exponent;
  let out: string;
  if (point <= 0) out = `0.${"0".repeat(-point)}${digits}`;
  else if (point >= digits.length) out = digits + "0".repeat(point - digits.length);
  else out = `${digits.slice(0, point)}.${digits.slice(point)}`;
  return (negative ? "-" : "") + out;
}

/**
 * Excel date cells are zone-less wall-clock times. exceljs turns the serial number into a Date
 * whose UTC fields equal that wall clock, so we print the UTC fields. Chinese platform exports
 * write Beijing time, which is why the import later reads this text as Asia/Shanghai.
 */
function formatWallClock(date: Date): string {
  // Serial numbers are floats: 10:00:00 may arrive as 09:59:59.9996, so round to the second.
  const d = new Date(Math.round(date.getTime() / 1000) * 1000);
  const p = (n: number) => String(n).padStart(2, "0");
  return (
    `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ` +
    `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`
  );
}

/**
 * Writes a one-sheet workbook with every cell as a string, so long order numbers and phone
 * numbers stay text and nothing a buyer typed becomes a formula. The streaming writer keeps
 * memory flat even if every row of a large file comes back rejected.
 */
export async function writeSheet(headers: string[], rows: string[][]): Promise<Uint8Array> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    stream.on("end", resolve);
    stream.on("error", reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet("Sheet1", { views: [{ state: "frozen", ySplit: 1 }] });
  const header = sheet.addRow(headers);
  header.font = { bold: true };
  header.commit();
  for (const row of rows) sheet.addRow(row).commit();
  sheet.commit();
  await workbook.commit();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}
