const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/**
 * Splits CSV text into records the way csv-parse does with the options readTable uses (one-char
 * delimiter, "\r\n" / "\n" / "\r" record delimiters, `relax_quotes`, `relax_column_count`, no
 * BOM handling), about five times faster on an order export: it scans the already decoded text
 * once and cuts cells out of it instead of decoding every field separately.
 *
 * It only takes the paths it is sure about: unquoted fields (a quote inside one is literal, as
 * with `relax_quotes`: `="0123"`), and quoted fields whose closing quote is followed by a
 * delimiter, a line break or the end. Anything else (an unclosed quote, text after a closing
 * quote) returns null, and the caller hands the file to csv-parse, which then also produces the
 * exact error message.
 */
export function splitCsv(text: string, delimiter: string): string[][] | null {
  const delim = delimiter.charCodeAt(0);
  const n = text.length;
  const records: string[][] = [];
  if (n === 0) return records;
  let row: string[] = [];
  let i = 0;
  for (;;) {
    let c: number;
    if (text.charCodeAt(i) === QUOTE) {
      let value = "";
      let from = i + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q < 0) return null;
        if (text.charCodeAt(q + 1) === QUOTE) {
          value += text.slice(from, q + 1);
          from = q + 2;
          continue;
        }
        value += text.slice(from, q);
        i = q + 1;
        break;
      }
      row.push(value);
      if (i >= n) break;
      c = text.charCodeAt(i);
      if (c !== delim && c !== LF && c !== CR) return null;
    } else {
      let j = i;
      c = -1;
      while (j < n) {
        c = text.charCodeAt(j);
        if (c === delim || c === LF || c === CR) break;
        j++;
      }
      row.push(text.slice(i, j));
      i = j;
      if (i >= n) break;
    }
    // text[i] is a delimiter or a line break.
    if (c === delim) {
      i++;
      if (i >= n) {
        row.push("");
        break;
      }
      continue;
    }
    i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    records.push(row);
    row = [];
    if (i >= n) return records;
  }
  records.push(row);
  return records;
}
