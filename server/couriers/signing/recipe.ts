/**
 * Declarative signing recipes for no-code courier profiles. A recipe can only combine the fixed
 * primitives (concatenation, one digest, hex or raw output, Base64, URL encoding), so a profile
 * stored in the database can describe a courier's signature without ever carrying code.
 *
 * Each step is, in this order:
 *   concat(parts) → [urlEncodeInput] → digest → output (raw | hex) → [base64] → [urlEncodeOutput]
 * A named step's result can be a part of a later step (chaining, e.g. J&T's password cipher).
 * `base64` after a hex output encodes the hex *string* (the Kdniao/Deppon trap), after a raw
 * output the digest bytes; raw output therefore requires `base64`.
 */
import { z } from "zod";
import {
  base64,
  digest,
  DIGEST_ALGORITHMS,
  hexLower,
  hexUpper,
  hmacSha256,
  URL_ENCODINGS,
  urlEncode,
  utf8,
} from "./primitives";

const name = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, "letters, digits and _ only");

const partSchema = z.union([
  z.strictObject({ field: name }),
  z.strictObject({ literal: z.string().max(256) }),
  z.strictObject({ ref: name }),
]);
export type RecipePart = z.infer<typeof partSchema>;

const partsSchema = z.array(partSchema).min(1).max(32);

const stepSchema = z.strictObject({
  /** Makes the step's result available to later steps as `{ ref: name }`. */
  name: name.optional(),
  concat: partsSchema,
  urlEncodeInput: z.enum(URL_ENCODINGS).optional(),
  digest: z.enum([...DIGEST_ALGORITHMS, "hmac-sha256"]),
  /** Required for, and only allowed with, hmac-sha256. */
  hmacKey: partsSchema.optional(),
  output: z.enum(["raw", "hex-lower", "hex-upper"]),
  base64: z.boolean().optional(),
  urlEncodeOutput: z.enum(URL_ENCODINGS).optional(),
});
export type RecipeStep = z.infer<typeof stepSchema>;

export const signingRecipeSchema = z
  .strictObject({ steps: z.array(stepSchema).min(1).max(8) })
  .superRefine((recipe, ctx) => {
    const earlier = new Set<string>();
    recipe.steps.forEach((step, i) => {
      const issue = (message: string, ...path: (string | number)[]) =>
        ctx.addIssue({ code: "custom", message, path: ["steps", i, ...path] });
      if ((step.digest === "hmac-sha256") !== (step.hmacKey !== undefined)) {
        issue("hmacKey is required for hmac-sha256 and not allowed otherwise", "hmacKey");
      }
      if (step.output === "raw" && step.base64 !== true) {
        issue("raw digest bytes are not text: set base64 or use a hex output", "output");
      }
      const parts = [...step.concat, ...(step.hmacKey ?? [])];
      for (const part of parts) {
        if ("ref" in part && !earlier.has(part.ref)) {
          issue(`ref "${part.ref}" does not name an earlier step`, "concat");
        }
      }
      if (step.name !== undefined) {
        if (earlier.has(step.name)) issue(`duplicate step name "${step.name}"`, "name");
        earlier.add(step.name);
      }
    });
  });

export type SigningRecipe = z.infer<typeof signingRecipeSchema>;

function resolve(
  parts: readonly RecipePart[],
  fields: Readonly<Record<string, string>>,
  results: ReadonlyMap<string, string>,
): string {
  return parts
    .map((part) => {
      if ("literal" in part) return part.literal;
      if ("ref" in part) {
        const value = results.get(part.ref);
        if (value === undefined) throw new Error(`signing recipe: unknown step "${part.ref}"`);
        return value;
      }
      // Own properties only: a profile naming "constructor" must not pick up Object.prototype.
      const value = Object.hasOwn(fields, part.field) ? fields[part.field] : undefined;
      if (typeof value !== "string") {
        throw new Error(`signing recipe: missing field "${part.field}"`);
      }
      return value;
    })
    .join("");
}

function runStep(
  step: RecipeStep,
  fields: Readonly<Record<string, string>>,
  results: ReadonlyMap<string, string>,
): string {
  let text = resolve(step.concat, fields, results);
  if (step.urlEncodeInput) text = urlEncode(text, step.urlEncodeInput);
  const bytes =
    step.digest === "hmac-sha256"
      ? hmacSha256(resolve(step.hmacKey ?? [], fields, results), text)
      : digest(step.digest, text);
  let out: string;
  if (step.output === "raw") {
    out = base64(bytes);
  } else {
    const hex = step.output === "hex-lower" ? hexLower(bytes) : hexUpper(bytes);
    out = step.base64 ? base64(utf8(hex)) : hex;
  }
  return step.urlEncodeOutput ? urlEncode(out, step.urlEncodeOutput) : out;
}

/**
 * Runs a recipe over the given fields and returns the last step's result. The recipe is
 * re-validated first because its cross-step rules are not expressible in the TypeScript type.
 */
export function runRecipe(recipe: SigningRecipe, fields: Readonly<Record<string, string>>): string {
  const { steps } = signingRecipeSchema.parse(recipe);
  const results = new Map<string, string>();
  let last = "";
  for (const step of steps) {
    last = runStep(step, fields, results);
    if (step.name !== undefined) results.set(step.name, last);
  }
  return last;
}

/** The input fields a recipe reads, e.g. to render a profile form. */
export function recipeFieldNames(recipe: SigningRecipe): string[] {
  const names = recipe.steps
    .flatMap((s) => [...s.concat, ...(s.hmacKey ?? [])])
    .flatMap((p) => ("field" in p ? [p.field] : []));
  return [...new Set(names)];
}

const f = (field: string): RecipePart => ({ field });
const lit = (literal: string): RecipePart => ({ literal });

/**
 * Recipes equivalent to hand-written schemes (recipe.test.ts checks each against its function).
 * Field names match the scheme functions' input properties.
 */
export const builtInRecipes = {
  /** yundaSign, PROTOCOLS.md §7. */
  yunda: {
    steps: [{ concat: [f("body"), lit("_"), f("appSecret")], digest: "md5", output: "hex-lower" }],
  },
  /** depponDigest, PROTOCOLS.md §8: Base64 of the hex string. */
  deppon: {
    steps: [
      {
        concat: [f("params"), f("appKey"), f("timestamp")],
        digest: "md5",
        output: "hex-lower",
        base64: true,
      },
    ],
  },
  /** sfMsgDigest, PROTOCOLS.md §1.2. */
  sf: {
    steps: [
      {
        concat: [f("msgData"), f("timestamp"), f("checkWord")],
        urlEncodeInput: "java",
        digest: "md5",
        output: "raw",
        base64: true,
      },
    ],
  },
  /** kdniaoDataSign, PROTOCOLS.md §3.1. */
  kdniao: {
    steps: [
      {
        concat: [f("requestData"), f("apiKey")],
        digest: "md5",
        output: "hex-lower",
        base64: true,
      },
    ],
  },
  /** kuaidi100QuerySign, PROTOCOLS.md §2.1. */
  kuaidi100Query: {
    steps: [{ concat: [f("param"), f("key"), f("customer")], digest: "md5", output: "hex-upper" }],
  },
  /** jtBusinessDigest, PROTOCOLS.md §5.1: a chained step. */
  jtBusiness: {
    steps: [
      {
        name: "passwordCipher",
        concat: [f("password"), lit("jadada236t2")],
        digest: "md5",
        output: "hex-upper",
      },
      {
        concat: [f("customerCode"), { ref: "passwordCipher" }, f("privateKey")],
        digest: "md5",
        output: "raw",
        base64: true,
      },
    ],
  },
} satisfies Record<string, SigningRecipe>;
