import { Buffer } from "node:buffer";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  base64,
  hexLower,
  hexUpper,
  hmacSha256,
  javaUrlEncode,
  md5,
  sha256,
  utf8,
} from "./primitives";
import {
  cainiaoDataDigest,
  depponDigest,
  jtBusinessDigest,
  jtHeaderDigest,
  jtPasswordCipher,
  kdniaoDataSign,
  kuaidi100CloudSign,
  kuaidi100OrderSign,
  kuaidi100PushSign,
  kuaidi100QuerySign,
  sfLegacyVerifyCode,
  sfMsgDigest,
  stoDataDigest,
  ytoLegacySign,
  ytoSign,
  yundaSign,
  ztoDataDigest,
  ztoFormDigest,
} from "./schemes";
import vectorsJson from "./vectors.json";

const BASE_KEYS = ["id", "kind", "scheme", "input", "expected", "source"];
const vectorSchema = z
  .object({
    id: z.string(),
    kind: z.enum(["published", "formula-check"]),
    scheme: z.string(),
    input: z.record(z.string(), z.string()),
    expected: z.string(),
    source: z.string(),
  })
  .catchall(z.string());
type Vector = z.infer<typeof vectorSchema>;
const vectors = z.object({ vectors: z.array(vectorSchema).min(1) }).parse(vectorsJson).vectors;

function field(input: Readonly<Record<string, string>>, name: string): string {
  const value = input[name];
  if (value === undefined) throw new Error(`vector input lacks "${name}"`);
  return value;
}

/** Every vector id must map to the scheme it exercises; an unmapped id fails below. */
const runners: Record<string, (input: Record<string, string>) => string> = {
  "sf-msgdigest-doc": (i) =>
    sfMsgDigest({
      msgData: field(i, "msgData"),
      timestamp: field(i, "timestamp"),
      checkWord: field(i, "checkWord"),
    }),
  // The published test signs one already-concatenated string.
  "sf-legacy-verifycode": (i) =>
    sfLegacyVerifyCode({ xml: field(i, "xmlPlusCheckWord"), checkWord: "" }),
  "sf-msgdigest-java-urlencoder-trap": (i) =>
    sfMsgDigest({
      msgData: field(i, "msgData"),
      timestamp: field(i, "timestamp"),
      checkWord: field(i, "checkWord"),
    }),
  "kdniao-datasign-doc": (i) =>
    kdniaoDataSign({ requestData: field(i, "RequestData"), apiKey: field(i, "ApiKey") }),
  "cainiao-data-digest-doc": (i) =>
    cainiaoDataDigest({
      logisticsInterface: field(i, "logistics_interface"),
      secretKey: field(i, "secretKey"),
    }),
  "zto-trace-push-logged": (i) =>
    ztoDataDigest({ body: field(i, "data"), appSecret: field(i, "appSecret") }),
  "kuaidi100-query-sign-formula": (i) =>
    kuaidi100QuerySign({
      param: field(i, "param"),
      key: field(i, "key"),
      customer: field(i, "customer"),
    }),
  "kuaidi100-push-sign-formula": (i) =>
    kuaidi100PushSign({ param: field(i, "param"), salt: field(i, "salt") }),
};

/** Extra assertion fields a vector may carry, each checked by a dedicated test below. */
const handledExtras: Record<string, string[]> = {
  "sf-msgdigest-java-urlencoder-trap": ["wrong_if_encodeURIComponent"],
  "kdniao-datasign-doc": ["expected_md5_hex", "expected_urlencoded_dotnet"],
};

function vector(id: string): Vector {
  const v = vectors.find((x) => x.id === id);
  if (!v) throw new Error(`vectors.json has no "${id}"`);
  return v;
}

function extra(v: Vector, key: string): string {
  const value = v[key];
  if (typeof value !== "string") throw new Error(`${v.id} lacks ${key}`);
  return value;
}

describe("vectors.json", () => {
  it.each(vectors.map((v) => [v.id, v.kind, v] as const))("%s (%s)", (id, _kind, v) => {
    const run = runners[id];
    if (!run) throw new Error(`vector "${id}" has no scheme mapping in schemes.test.ts`);
    expect(run(v.input)).toBe(v.expected);
  });

  it("has no mapping for a vector that no longer exists", () => {
    expect(Object.keys(runners).filter((id) => !vectors.some((v) => v.id === id))).toEqual([]);
  });

  it("carries no assertion field that these tests ignore", () => {
    const unhandled = vectors.flatMap((v) =>
      Object.keys(v)
        .filter((k) => !BASE_KEYS.includes(k) && !(handledExtras[v.id] ?? []).includes(k))
        .map((k) => `${v.id}.${k}`),
    );
    expect(unhandled).toEqual([]);
  });

  it("SF trap: the encodeURIComponent digest is the documented wrong one", () => {
    const v = vector("sf-msgdigest-java-urlencoder-trap");
    const s = field(v.input, "msgData") + field(v.input, "timestamp") + field(v.input, "checkWord");
    const naive = base64(md5(encodeURIComponent(s)));
    expect(naive).toBe(extra(v, "wrong_if_encodeURIComponent"));
    expect(naive).not.toBe(v.expected);
    expect(base64(md5(javaUrlEncode(s)))).toBe(v.expected);
  });

  it("Kdniao trap: the MD5 hex matches and Base64 of the raw digest would be wrong", () => {
    const v = vector("kdniao-datasign-doc");
    const d = md5(field(v.input, "RequestData") + field(v.input, "ApiKey"));
    expect(hexLower(d)).toBe(extra(v, "expected_md5_hex"));
    expect(base64(d)).not.toBe(v.expected);
    expect(base64(d)).toHaveLength(24);
    expect(v.expected).toHaveLength(44);
  });

  it("Kdniao wire form: Java encoding equals the .NET one up to escape-hex case", () => {
    const v = vector("kdniao-datasign-doc");
    const dotnet = extra(v, "expected_urlencoded_dotnet");
    const upperEscapes = dotnet.replace(/%[0-9a-f]{2}/g, (m) => m.toUpperCase());
    expect(javaUrlEncode(v.expected)).toBe(upperEscapes);
    expect(decodeURIComponent(dotnet)).toBe(v.expected);
  });
});

describe("PROTOCOLS.md self-computed fixtures (formula checks, not in vectors.json)", () => {
  const param = '{"com":"yuantong","num":"YT9383342193097","phone":"17725390266"}';

  it("Kuaidi100 label sign (§2.3)", () => {
    const sign = kuaidi100OrderSign({
      param,
      t: "1700000000000",
      key: "testkey",
      secret: "testsecret",
    });
    expect(sign).toBe("A506A7358A1E04AE7E69559830323BC8");
  });

  it("YTO new-platform sign (§6)", () => {
    const sign = ytoSign({
      param: '{"NUMBER":"YT0000000000000"}',
      method: "track_query_adapter",
      secret: "testsecret",
    });
    expect(sign).toBe("s7p1crhWfdM/U/8G1CoLVQ==");
  });

  it("Yunda sign (§7)", () => {
    const body = '{"appid":"999999","orderid":"order123"}';
    expect(yundaSign({ body, appSecret: "testsecret" })).toBe("6584307cfac13e5ad55ec7f104231da0");
  });

  it("SF juejin claim (§1.2) gives its own digest, not the official one", () => {
    const msgData = '{"language":"zh-CN","orderId":"QIAO-20200618-004"}';
    const checkWord = "cURqDC12jflwXdruegDudWwXBVSsQk7t";
    const digest = sfMsgDigest({ msgData, timestamp: "1652410044726", checkWord });
    expect(digest).toBe("qgwN2Vcl2SDRwnNzbX7B6A==");
  });

  it("Deppon push digest (§8) has the Base64-of-hex shape", () => {
    const decoded = Buffer.from("YmUyNmJhYzBkOGFlNjVkYTNmNzA0ZWVmMDE1MGZlMzE=", "base64");
    expect(decoded.toString("utf8")).toMatch(/^[0-9a-f]{32}$/);
    const digest = depponDigest({ params: "{}", appKey: "k", timestamp: "1" });
    expect(digest).toBe(base64(utf8(hexLower(md5("{}k1")))));
    expect(digest).toHaveLength(44);
  });
});

describe("formula checks for schemes without a vector", () => {
  it("Kuaidi100 cloud sign is UPPER(MD5(key + secret))", () => {
    expect(kuaidi100CloudSign({ key: "k", secret: "s" })).toBe(hexUpper(md5("ks")));
  });

  it("STO LINK is the Cainiao formula over content", () => {
    const v = vector("cainiao-data-digest-doc");
    const content = field(v.input, "logistics_interface");
    expect(stoDataDigest({ content, secretKey: field(v.input, "secretKey") })).toBe(v.expected);
  });

  it("J&T header digest is Base64 of the raw MD5", () => {
    const bizContent = '{"billCodes":"JT0000000000000"}';
    expect(jtHeaderDigest({ bizContent, privateKey: "pk" })).toBe(base64(md5(`${bizContent}pk`)));
  });

  it("J&T business digest embeds the UPPER-case password cipher (trap 2)", () => {
    const cipher = jtPasswordCipher("secret");
    expect(cipher).toBe(hexUpper(md5("secretjadada236t2")));
    const digest = jtBusinessDigest({ customerCode: "C1", password: "secret", privateKey: "pk" });
    expect(digest).toBe(base64(md5(`C1${cipher}pk`)));
    expect(digest).not.toBe(base64(md5(`C1${cipher.toLowerCase()}pk`)));
  });

  it("YTO legacy sign orders the parameters alphabetically after the secret", () => {
    const sign = ytoLegacySign({
      secret: "S",
      appKey: "K",
      format: "XML",
      method: "yto.Marketing.WaybillTrace",
      timestamp: "2024-01-01 00:00:00",
      userId: "U",
      v: "1.01",
    });
    const expected =
      "Sapp_keyKformatXMLmethodyto.Marketing.WaybillTracetimestamp2024-01-01 00:00:00user_idUv1.01";
    expect(sign).toBe(hexUpper(md5(expected)));
  });

  it("Yunda uses lower-case hex and an underscore separator", () => {
    expect(yundaSign({ body: "{}", appSecret: "s" })).toBe(hexLower(md5("{}_s")));
  });

  describe("ZTO", () => {
    const body = '{"billCode":"73100196611386"}';

    it("options follow zopsdk-java ZopDigestUtil", () => {
      const appSecret = "sec";
      expect(ztoDataDigest({ body, appSecret }, { timestamp: "1700000000000" })).toBe(
        base64(md5(`1700000000000${body}sec`)),
      );
      expect(
        ztoDataDigest({ body, appSecret }, { algorithm: "sha256", encoding: "hex-lower" }),
      ).toBe(hexLower(sha256(`${body}sec`)));
      expect(ztoDataDigest({ body, appSecret }, { algorithm: "hmac-sha256", hmacKey: "hk" })).toBe(
        base64(hmacSha256("hk", `${body}sec`)),
      );
    });

    it("form mode signs un-encoded k=v pairs in the sent order", () => {
      const fields = [
        ["msg_type", "GETMARK"],
        ["data", '{"unionCode":"536178917071","send city":"上海&"}'],
        ["company_id", "testcompanyid"],
      ] as const;
      const expected = `msg_type=GETMARK&data=${fields[1][1]}&company_id=testcompanyidtestkey`;
      expect(ztoFormDigest({ fields, key: "testkey" })).toBe(base64(md5(expected)));
    });
  });
});
