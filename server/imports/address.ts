import { parseAddress, parseAddressParts, type AddressParse } from "@/server/regions/address";
import type { AddressInput, ParsedAddress } from "./rows";

function toParsed(r: AddressParse): ParsedAddress {
  if (!r.ok) return { ok: false, message: r.message, suggestions: r.suggestions };
  return {
    ok: true,
    provinceCode: r.province.code,
    cityCode: r.city.code,
    countyCode: r.county?.code ?? null,
    provinceName: r.province.name,
    cityName: r.city.name,
    countyName: r.county?.name ?? null,
    detail: r.detail,
  };
}

/** The import pipeline's address step: a full address string, or separate region columns. */
export function parseImportAddress(input: AddressInput): ParsedAddress {
  if (input.full && !input.province) return toParsed(parseAddress(input.full));
  return toParsed(
    parseAddressParts({
      province: input.province,
      city: input.city,
      county: input.county,
      detail: input.detail ?? input.full ?? "",
    }),
  );
}

/**
 * parseImportAddress remembering its last answer. The rows of one order, adjacent in every export,
 * repeat the same address, and the region lookup is the costliest step of validating a row. One
 * instance per file: the answer depends only on the input, so sharing it between rows is safe.
 */
export function importAddressParser(): (input: AddressInput) => ParsedAddress {
  let last: { input: AddressInput; parsed: ParsedAddress } | null = null;
  return (input) => {
    const prev = last?.input;
    if (
      last &&
      prev &&
      prev.full === input.full &&
      prev.province === input.province &&
      prev.city === input.city &&
      prev.county === input.county &&
      prev.detail === input.detail
    ) {
      return last.parsed;
    }
    last = { input, parsed: parseImportAddress(input) };
    return last.parsed;
  };
}
