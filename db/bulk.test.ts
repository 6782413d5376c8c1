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
  ])("%j -> %s", (values, literal) => {
    expect(arrayLiteral(values)).toBe(literal);
  });
});
