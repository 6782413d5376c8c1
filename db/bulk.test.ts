import { describe, expect, it } from "vitest";
import { arrayLiteral } from "./bulk";

describe("arrayLiteral", () => {
  it.each([
    [[], "{}"],
    [["a", "b"], '{"a","b"}'],
    [[null, undefined, "x"], '{NULL,NULL,"x"}'],
    [['say "hi"'], '{"say \\"hi\\""}'],
    [["back\\slash"], '{"back\\\\slash"}'],
    [["{,}", "NULL"], '{"{,}","NULL"}'],
    [[1, 2.5, true], '{"1","2.5","true"}'],
    [["浙江省 杭州市"], '{"浙江省 杭州市"}'],
    [["a", 1, "b", -2.5], '{"a","1","b","-2.5"}'],
    [["a", null, 3], '{"a",NULL,"3"}'],
    [["x", 'y"', "z"], '{"x","y\\"","z"}'],
    [[null, null, null], "{NULL,NULL,NULL}"],
    [[undefined], "{NULL}"],
    [[true, false], '{"true","false"}'],
    [[null, 'a"b', "c\\d"], '{NULL,"a\\"b","c\\\\d"}'],
    [[{ a: 1 }, null], '{"{\\"a\\":1}",NULL}'],
  ])("%j -> %s", (values, literal) => {
    expect(arrayLiteral(values)).toBe(literal);
  });
  it("writes bigints as digits", () => {
    expect(arrayLiteral([10n, "x"])).toBe('{"10","x"}');
  });
});
