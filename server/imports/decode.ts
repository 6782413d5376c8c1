import iconv from "iconv-lite";

/**
 * Text encodings we can meet in uploaded order files and write back unchanged.
 *
 * - "utf-8": our own template, most SaaS/ERP exports, files re-saved by macOS Numbers.
 * - "utf-8-bom": Excel's "CSV UTF-8" and several platform exports; the BOM is what makes
 *   Excel open UTF-8 correctly, so we must put it back when we return a file.
 * - "gb18030": GBK/GB2312 exports (Taobao 千牛, JD, PDD classic CSV) and Excel "CSV" on a
 *   Chinese Windows. GB18030 is a strict superset of GBK, so decoding GBK bytes with it
 *   is lossless, and it can still encode any character when we write the file back.
 * - "utf-16le"/"utf-16be": Excel's "Unicode text" (tab separated, always with a BOM).
 */
export type TextEncodingName = "utf-8" | "utf-8-bom" | "gb18030" | "utf-16le" | "utf-16be";

export type DecodedText = { text: string; encoding: TextEncodingName };

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.length <= bytes.length && prefix.every((b, i) => bytes[i] === b);
}

/**
 * Decodes an uploaded text file without ever guessing wrong silently.
 *
 * Order of checks matters: a BOM is an explicit statement; then strict UTF-8, because valid
 * UTF-8 is overwhelmingly unlikely for Chinese GBK bytes (GBK lead bytes 0x81–0xFE followed by
 * trail bytes 0x40–0x7E can never form UTF-8, and the rest rarely line up); only then GB18030.
 * We never use a statistical detector: short files would make it flip-flop, which is exactly
 * how a UTF-8 file with a couple of names turns into mojibake.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (startsWith(bytes, UTF8_BOM)) {
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8-bom" };
  }
  if (startsWith(bytes, [0xff, 0xfe])) {
    // ignoreBOM: true keeps the decoder from eating a second BOM-looking char; we strip ours.
    const text = new TextDecoder("utf-16le", { ignoreBOM: true }).decode(bytes.subarray(2));
    return { text, encoding: "utf-16le" };
  }
  if (startsWith(bytes, [0xfe, 0xff])) {
    const text = new TextDecoder("utf-16be", { ignoreBOM: true }).decode(bytes.subarray(2));
    return { text, encoding: "utf-16be" };
  }
  try {
    // ignoreBOM: there is no BOM here; never strip a leading U+FEFF that is real content.
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
    return { text, encoding: "utf-8" };
  } catch {
    // Not UTF-8: Chinese platforms' legacy exports are GBK, which GB18030 decodes exactly.
    // Node ships full ICU, so this decoder also handles the 4-byte GB18030 sequences (𠮷 etc.).
    return { text: new TextDecoder("gb18030").decode(bytes), encoding: "gb18030" };
  }
}

/** Encodes text so that decodeText(encodeText(t, e)) returns { text: t, encoding: e }. */
export function encodeText(text: string, encoding: TextEncodingName): Uint8Array {
  switch (encoding) {
    case "utf-8":
      return new TextEncoder().encode(text);
    case "utf-8-bom":
      return concat(Uint8Array.from(UTF8_BOM), new TextEncoder().encode(text));
    case "gb18030":
      // TextEncoder only speaks UTF-8, hence iconv-lite for the legacy encoding.
      return new Uint8Array(iconv.encode(text, "gb18030"));
    case "utf-16le":
      return concat(Uint8Array.from([0xff, 0xfe]), new Uint8Array(iconv.encode(text, "utf-16le")));
    case "utf-16be":
      return concat(Uint8Array.from([0xfe, 0xff]), new Uint8Array(iconv.encode(text, "utf-16be")));
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
