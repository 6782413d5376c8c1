import { CsvError, parse } from "csv-parse/sync";
import { splitCsv } from "./csv";
import { decodeText, encodeText, type TextEncodingName } from "./decode";

/** exceljs is loaded with the first workbook: CSV imports (most of them) never pay its memory. */
const xlsx = () => import("./xlsx");

export type TableFormat = "csv" | "xlsx";
export type CsvDelimiter = "," | "\t" | ";";

export type Table = {
  format: TableFormat;
  /** Text encoding of a CSV; null for XLSX (the zip container defines its own). */
  encoding: TextEncodingName | null;
  /** CSV only: the separator we detected, so a returned file looks like the uploaded one. */
  delimiter?: CsvDelimiter;
  headers: string[];
  /** Data rows, each exactly `headers.length` cells, fully empty rows removed. */
  rows: string[][];
  /** 1-based spreadsheet row of each entry of `rows` (the header row is normally row 1). */
  rowNumbers: number[];
  /** Non-fatal problems worth showing the user, e.g. digits Excel already lost. */
  warnings: string[];
};

export type TableToWrite = Pick<Table, "format" | "encoding" | "headers" | "rows"> & {
  delimiter?: CsvDelimiter;
};

export type TableReadErrorCode =
  "empty_file" | "legacy_xls" | "unsupported_format" | "bad_csv" | "bad_xlsx";

/** A file we cannot read at all; `message` is user-facing English. */
export class TableReadError extends Error {
  constructor(
    readonly code: TableReadErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "TableReadError";
  }
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04] as const;
/** OLE2 compound file: the pre-2007 binary .xls, which exceljs cannot read. */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0] as const;

function hasMagic(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** Reads an uploaded order file (CSV in any supported encoding, or XLSX) into text cells. */
export async function readTable(bytes: Uint8Array, fileName: string): Promise<Table> {
  if (bytes.length === 0) throw new TableReadError("empty_file", "The file is empty.");
  if (hasMagic(bytes, OLE_MAGIC)) {
    throw new TableReadError(
      "legacy_xls",
      "This is an old-style .xls workbook. Open it in Excel or WPS and save it as .xlsx or CSV.",
    );
  }
  if (hasMagic(bytes, ZIP_MAGIC) || /\.xlsx$/i.test(fileName)) return readXlsx(bytes);
  return readCsv(bytes);
}

async function readXlsx(bytes: Uint8Array): Promise<Table> {
  let sheet;
  try {
    sheet = await (await xlsx()).readFirstSheet(bytes);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new TableReadError("bad_xlsx", `The workbook could not be read (${detail}).`);
  }
  const rows = sheet.rows;
  return assemble(
    "xlsx",
    null,
    undefined,
    rows.map((r) => r.cells),
    (i) => rows[i]!.rowNumber,
    sheet.warnings,
  );
}

function readCsv(bytes: Uint8Array): Table {
  const { text, encoding } = decodeText(bytes);
  if (/^\s*<(?:!doctype|html|table|\?xml)/i.test(text)) {
    // Some back offices serve an HTML table named .xls; parsing it as CSV would be garbage.
    throw new TableReadError(
      "unsupported_format",
      "This file is a web page saved as a spreadsheet. " +
        "Open it in Excel and save it as .xlsx or CSV.",
    );
  }
  const delimiter = detectDelimiter(text);
  // The fast splitter handles well-formed files; anything unusual goes to csv-parse.
  const records = splitCsv(text, delimiter) ?? parseWithCsvParse(bytes, text, encoding, delimiter);
  return assemble("csv", encoding, delimiter, records, (i) => i + 1, []);
}

function parseWithCsvParse(
  bytes: Uint8Array,
  text: string,
  encoding: TextEncodingName,
  delimiter: CsvDelimiter,
): string[][] {
  try {
    // csv-parse is ~3x faster on a Buffer than on a string (it converts strings internally).
    // UTF-8 uploads are parsed from their own bytes (minus the BOM); others are re-encoded.
    // (A zero-copy Buffer view, since csv-parse calls Buffer methods on its input.)
    const skip = encoding === "utf-8-bom" ? 3 : 0;
    const input =
      encoding === "utf-8" || encoding === "utf-8-bom"
        ? Buffer.from(bytes.buffer, bytes.byteOffset + skip, bytes.byteLength - skip)
        : Buffer.from(text, "utf8");
    return parse(input, {
      delimiter,
      // Platforms mix \r\n with bare \n inside one file (multi-line remarks pasted in).
      record_delimiter: ["\r\n", "\n", "\r"],
      // `="123"` (an unquoted field containing quotes) is how Taobao/PDD protect long numbers.
      relax_quotes: true,
      relax_column_count: true,
      bom: false,
    });
  } catch (error) {
    if (error instanceof CsvError && error.code === "CSV_QUOTE_NOT_CLOSED") {
      throw new TableReadError(
        "bad_csv",
        'A cell opens a double quote (") that is never closed, so the rows after it cannot be ' +
          'told apart. Look for a stray " in a remark, title or address and remove it.',
      );
    }
    const detail = error instanceof Error ? error.message : String(error);
    throw new TableReadError("bad_csv", `The CSV file could not be parsed (${detail}).`);
  }
}

/**
 * Picks the separator that occurs most often in the first non-empty line, counting only
 * outside quotes. Ties go to comma (the common case), then tab (Excel "Unicode text").
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = { ",": 0, "\t": 0, ";": 0 };
  let quoted = false;
  let seenContent = false;
  for (let i = 0; i < text.length && i < 64 * 1024; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) {
      if (seenContent) break;
    } else if (!quoted && (ch === "," || ch === "\t" || ch === ";")) counts[ch]++;
    if (ch !== "\n" && ch !== "\r" && ch !== " ") seenContent = true;
  }
  const best = (Object.keys(counts) as CsvDelimiter[]).reduce((a, b) =>
    counts[b] > counts[a] ? b : a,
  );
  return counts[best] > 0 ? best : ",";
}

/**
 * Undoes the tricks exports use to stop Excel from mangling numbers:
 * `="3712345678901234567"`, a leading/trailing tab, or a leading apostrophe before digits.
 * Plain trimming also drops the full-width space (U+3000) some exports pad cells with.
 */
export function cleanCell(raw: string): string {
  let v = raw.trim();
  // Most cells start with neither "=" nor "'": skip the pattern checks for them.
  if (v.charCodeAt(0) === 0x3d && v.length >= 3 && v.startsWith('="') && v.endsWith('"'))
    v = v.slice(2, -1).trim();
  if (v.charCodeAt(0) === 0x27 && /^'[\d+\-() ]+$/.test(v)) v = v.slice(1);
  return v;
}

/**
 * Cleans the cells, drops fully empty rows, takes the first non-empty row as the header and pads
 * every row to one width. Works in place on `records` (the parser's arrays): a 100k-row file is
 * not copied again.
 */
function assemble(
  format: TableFormat,
  encoding: TextEncodingName | null,
  delimiter: CsvDelimiter | undefined,
  records: string[][],
  rowNumberOf: (index: number) => number,
  warnings: string[],
): Table {
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  let headers: string[] | null = null;
  let width = 0;
  for (let r = 0; r < records.length; r++) {
    const cells = records[r]!;
    for (let i = 0; i < cells.length; i++) cells[i] = cleanCell(cells[i]!);
    // Trailing empty cells (",,," at line end) are noise; only real data widens the table.
    let used = cells.length;
    while (used > 0 && cells[used - 1] === "") used--;
    if (used === 0) continue;
    cells.length = used;
    if (headers === null) {
      headers = cells;
      width = headers.length;
      continue;
    }
    width = Math.max(width, used);
    rows.push(cells);
    rowNumbers.push(rowNumberOf(r));
  }
  if (headers === null) throw new TableReadError("empty_file", "The file has no header row.");
  // A row longer than the header keeps its data under blank header names instead of losing it.
  while (headers.length < width) headers.push("");
  for (const row of rows) while (row.length < width) row.push("");
  return {
    format,
    encoding,
    ...(delimiter ? { delimiter } : {}),
    headers,
    rows,
    rowNumbers,
    warnings,
  };
}

/** Writes a table back in the format (and, for CSV, encoding and separator) it came in. */
export async function writeTable(table: TableToWrite): Promise<Uint8Array> {
  if (table.format === "xlsx") return (await xlsx()).writeSheet(table.headers, table.rows);
  const delimiter = table.delimiter ?? ",";
  const lines = [table.headers, ...table.rows].map((row) =>
    row.map((cell) => csvCell(cell, delimiter)).join(delimiter),
  );
  // CRLF and a final newline: what Excel writes and what RFC 4180 describes.
  // Without a known encoding, UTF-8 with BOM is the one Excel opens correctly everywhere.
  return encodeText(lines.join("\r\n") + "\r\n", table.encoding ?? "utf-8-bom");
}

/**
 * Quotes a cell for CSV and protects it when the file is opened in Excel:
 * - digit strings of 12+ characters (order numbers) or with a leading zero become `="…"`,
 *   the convention platform exports use, otherwise Excel shows 3.71235E+18 and saves it so;
 * - text starting with = + - @ gets a leading tab so Excel does not run a buyer's remark as
 *   a formula (CSV injection). readTable trims the tab and unwraps `="…"`, so both round-trip.
 */
function csvCell(value: string, delimiter: CsvDelimiter): string {
  let v = value;
  if (/^\d{12,}$/.test(v) || /^0\d+$/.test(v)) v = `="${v}"`;
  else if (/^[=+\-@]/.test(v)) v = `\t${v}`;
  const needsQuotes =
    v.includes(delimiter) ||
    v.includes('"') ||
    v.includes("\n") ||
    v.includes("\r") ||
    v !== v.trim();
  return needsQuotes ? `"${v.replaceAll('"', '""')}"` : v;
}
