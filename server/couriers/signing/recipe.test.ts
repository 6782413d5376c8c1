import { describe, expect, it } from "vitest";
import { z } from "zod";
import { base64, hexLower, javaUrlEncode, md5, rfc3986Encode, sha1, sha256 } from "./primitives";
import {
  builtInRecipes,
  recipeFieldNames,
  runRecipe,
  signingRecipeSchema,
  type SigningRecipe,
} from "./recipe";
import {
  depponDigest,
  jtBusinessDigest,
  kdniaoDataSign,
  kuaidi100QuerySign,
  sfMsgDigest,
  yundaSign,
  ztoDataDigest,
} from "./schemes";
import vectorsJson from "./vectors.json";

type Fields = Record<string, string>;

function vectorInput(id: string): { input: Fields; expected: string } {
  const v = vectorsJson.vectors.find((x) => x.id === id);
  if (!v) throw new Error(`vectors.json has no "${id}"`);
  return { input: z.record(z.string(), z.string()).parse(v.input), expected: v.expected };
}

function get(fields: Fields, name: string): string {
  const value = fields[name];
  if (value === undefined) throw new Error(`missing ${name}`);
  return value;
}

/** Awkward but realistic inputs: Chinese, spaces, the Java-URL-encoding trap characters. */
const tricky = ['{"remark":"a b*c~d(e)\'f!","city":"郑州市"}', "", "😀 + & = %"];

const equivalences: {
  name: keyof typeof builtInRecipes;
  scheme: (f: Fields) => string;
  samples: Fields[];
}[] = [
  {
    name: "yunda",
    scheme: (f) => yundaSign({ body: get(f, "body"), appSecret: get(f, "appSecret") }),
    samples: tricky.map((body) => ({ body, appSecret: "testsecret" })),
  },
  {
    name: "deppon",
    scheme: (f) =>
      depponDigest({
        params: get(f, "params"),
        appKey: get(f, "appKey"),
        timestamp: get(f, "timestamp"),
      }),
    samples: tricky.map((params) => ({ params, appKey: "ak", timestamp: "1700000000000" })),
  },
  {
    name: "sf",
    scheme: (f) =>
      sfMsgDigest({
        msgData: get(f, "msgData"),
        timestamp: get(f, "timestamp"),
        checkWord: get(f, "checkWord"),
      }),
    samples: tricky.map((msgData) => ({ msgData, timestamp: "1", checkWord: "cw" })),
  },
  {
    name: "kdniao",
    scheme: (f) => kdniaoDataSign({ requestData: get(f, "requestData"), apiKey: get(f, "apiKey") }),
    samples: tricky.map((requestData) => ({ requestData, apiKey: "k-1" })),
  },
  {
    name: "kuaidi100Query",
    scheme: (f) =>
      kuaidi100QuerySign({
        param: get(f, "param"),
        key: get(f, "key"),
        customer: get(f, "customer"),
      }),
    samples: tricky.map((param) => ({ param, key: "k", customer: "C" })),
  },
  {
    name: "jtBusiness",
    scheme: (f) =>
      jtBusinessDigest({
        customerCode: get(f, "customerCode"),
        password: get(f, "password"),
        privateKey: get(f, "privateKey"),
      }),
    samples: tricky.map((password) => ({ customerCode: "J0086", password, privateKey: "pk" })),
  },
];

describe("built-in recipes", () => {
  it("all validate", () => {
    for (const recipe of Object.values(builtInRecipes)) {
      expect(signingRecipeSchema.safeParse(recipe).success).toBe(true);
    }
  });

  describe.each(equivalences)("$name equals its scheme function", ({ name, scheme, samples }) => {
    it.each(samples.map((s, i) => [i, s] as const))("sample %i", (_i, fields) => {
      expect(runRecipe(builtInRecipes[name], fields)).toBe(scheme(fields));
    });
  });

  it("yunda reproduces the PROTOCOLS.md §7 fixture", () => {
    const fields = { body: '{"appid":"999999","orderid":"order123"}', appSecret: "testsecret" };
    expect(runRecipe(builtInRecipes.yunda, fields)).toBe("6584307cfac13e5ad55ec7f104231da0");
  });

  it("deppon Base64-encodes the hex string, not the raw digest", () => {
    const fields = { params: '{"mailno":"DPK1"}', appKey: "ak", timestamp: "1700000000000" };
    const out = runRecipe(builtInRecipes.deppon, fields);
    expect(out).toHaveLength(44);
    expect(out).not.toBe(base64(md5('{"mailno":"DPK1"}ak1700000000000')));
  });

  it.each(["sf-msgdigest-doc", "sf-msgdigest-java-urlencoder-trap"])("sf reproduces %s", (id) => {
    const { input, expected } = vectorInput(id);
    expect(runRecipe(builtInRecipes.sf, input)).toBe(expected);
  });

  it("kdniao reproduces kdniao-datasign-doc", () => {
    const { input, expected } = vectorInput("kdniao-datasign-doc");
    const fields = { requestData: get(input, "RequestData"), apiKey: get(input, "ApiKey") };
    expect(runRecipe(builtInRecipes.kdniao, fields)).toBe(expected);
  });

  it("kuaidi100Query reproduces kuaidi100-query-sign-formula", () => {
    const { input, expected } = vectorInput("kuaidi100-query-sign-formula");
    expect(runRecipe(builtInRecipes.kuaidi100Query, input)).toBe(expected);
  });

  it("lists the fields a profile must supply", () => {
    expect(recipeFieldNames(builtInRecipes.jtBusiness)).toEqual([
      "password",
      "customerCode",
      "privateKey",
    ]);
  });
});

describe("recipe primitives", () => {
  const one = (step: Record<string, unknown>): SigningRecipe =>
    signingRecipeSchema.parse({ steps: [{ concat: [{ field: "x" }], ...step }] });

  it("covers every digest", () => {
    const x = { x: "abc" };
    expect(runRecipe(one({ digest: "sha1", output: "hex-lower" }), x)).toBe(hexLower(sha1("abc")));
    expect(runRecipe(one({ digest: "sha256", output: "hex-lower" }), x)).toBe(
      hexLower(sha256("abc")),
    );
    expect(runRecipe(one({ digest: "sm3", output: "hex-lower" }), x)).toBe(
      "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0",
    );
  });

  it("hmac-sha256 matches the ZTO HmacSHA256 option", () => {
    const recipe = signingRecipeSchema.parse({
      steps: [
        {
          concat: [{ field: "body" }, { field: "appSecret" }],
          digest: "hmac-sha256",
          hmacKey: [{ field: "hmacKey" }],
          output: "raw",
          base64: true,
        },
      ],
    });
    const fields = { body: '{"a":"中"}', appSecret: "s", hmacKey: "hk" };
    expect(runRecipe(recipe, fields)).toBe(
      ztoDataDigest(
        { body: fields.body, appSecret: "s" },
        { algorithm: "hmac-sha256", hmacKey: "hk" },
      ),
    );
  });

  it("URL-encodes the output in either flavour", () => {
    const { input, expected } = vectorInput("kdniao-datasign-doc");
    const fields = { x: get(input, "RequestData") + get(input, "ApiKey") };
    const base = { digest: "md5", output: "hex-lower", base64: true };
    expect(runRecipe(one({ ...base, urlEncodeOutput: "java" }), fields)).toBe(
      javaUrlEncode(expected),
    );
    expect(runRecipe(one({ ...base, urlEncodeOutput: "rfc3986" }), fields)).toBe(
      rfc3986Encode(expected),
    );
  });

  it("rfc3986 input encoding is the naive SF variant, not the Java one", () => {
    const { input, expected } = vectorInput("sf-msgdigest-java-urlencoder-trap");
    const steps = builtInRecipes.sf.steps.map((s) => ({
      ...s,
      urlEncodeInput: "rfc3986" as const,
    }));
    expect(runRecipe({ steps }, input)).not.toBe(expected);
  });
});

describe("recipe validation", () => {
  const step = { concat: [{ field: "x" }], digest: "md5", output: "hex-lower" };
  const invalid: [string, unknown][] = [
    ["no steps", { steps: [] }],
    ["raw output without base64", { steps: [{ ...step, output: "raw" }] }],
    ["hmac without key", { steps: [{ ...step, digest: "hmac-sha256" }] }],
    ["key without hmac", { steps: [{ ...step, hmacKey: [{ literal: "k" }] }] }],
    ["unknown digest", { steps: [{ ...step, digest: "sha512" }] }],
    ["unknown property", { steps: [{ ...step, base46: true }] }],
    [
      "forward ref",
      {
        steps: [
          { ...step, concat: [{ ref: "later" }] },
          { ...step, name: "later" },
        ],
      },
    ],
    [
      "duplicate name",
      {
        steps: [
          { ...step, name: "a" },
          { ...step, name: "a" },
        ],
      },
    ],
    ["empty concat", { steps: [{ ...step, concat: [] }] }],
    ["bad field name", { steps: [{ ...step, concat: [{ field: "a-b" }] }] }],
    ["two kinds in one part", { steps: [{ ...step, concat: [{ field: "x", literal: "y" }] }] }],
  ];

  it.each(invalid)("rejects %s", (_label, recipe) => {
    expect(signingRecipeSchema.safeParse(recipe).success).toBe(false);
  });

  it("runRecipe re-validates a recipe that only satisfies the static type", () => {
    const recipe: SigningRecipe = {
      steps: [{ concat: [{ field: "x" }], digest: "md5", output: "raw" }],
    };
    expect(() => runRecipe(recipe, { x: "1" })).toThrow();
  });

  it("fails on a missing field, ignoring inherited properties", () => {
    const recipe = signingRecipeSchema.parse({
      steps: [{ concat: [{ field: "constructor" }], digest: "md5", output: "hex-lower" }],
    });
    expect(() => runRecipe(recipe, {})).toThrow(/missing field "constructor"/);
    expect(runRecipe(recipe, { constructor: "" })).toBe(hexLower(md5("")));
  });
});
