import type { Db } from "@/db/client";
import { DomainError } from "@/server/errors";
import { createUserInput } from "./schemas";
import { createUser } from "./service";

/**
 * Creates an admin from the command line (a real deployment's first account). Input is validated
 * with the same schema as the Users screen; an existing email is refused rather than overwritten.
 */
export async function createAdmin(
  db: Db,
  raw: { email?: string; name?: string; password?: string },
) {
  const parsed = createUserInput.safeParse({ ...raw, name: raw.name ?? "Admin", role: "admin" });
  if (!parsed.success) {
    const fields = Object.fromEntries(
      parsed.error.issues.map((i) => [i.path.join("."), i.message]),
    );
    throw new DomainError("INVALID", `invalid input: ${JSON.stringify(fields)}`, { fields });
  }
  return createUser(db, null, parsed.data);
}
