/**
 * `npm run admin:create -- --email you@company.cn [--name "Your Name"]`
 * The password comes from ADMIN_PASSWORD, from stdin when piped, or from a hidden prompt.
 */
import { parseArgs } from "node:util";
import { createInterface } from "node:readline";
import { getDbHandle } from "@/db/client";
import { migrate } from "@/db/migrate";
import { createAdmin } from "@/server/users/admin-create";

async function readPassword(): Promise<string> {
  if (process.env.ADMIN_PASSWORD) return process.env.ADMIN_PASSWORD;
  if (!process.stdin.isTTY) {
    let data = "";
    for await (const chunk of process.stdin) data += String(chunk);
    return data.trim();
  }
  process.stdout.write("Password (min 8 characters): ");
  process.stdin.setRawMode(true);
  const rl = createInterface({ input: process.stdin, terminal: false });
  const password = await new Promise<string>((resolve) => {
    let value = "";
    process.stdin.on("data", (buf: Buffer) => {
      const ch = buf.toString("utf8");
      if (ch === "\r" || ch === "\n") resolve(value);
      else if (ch === "\u0003") process.exit(130);
      else if (ch === "\u007f") value = value.slice(0, -1);
      else value += ch;
    });
  });
  process.stdin.setRawMode(false);
  rl.close();
  process.stdout.write("\n");
  return password;
}

const { values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" } } });
if (!values.email) {
  console.error('usage: npm run admin:create -- --email you@company.cn [--name "Your Name"]');
  process.exit(2);
}
const handle = await getDbHandle();
try {
  await migrate(handle);
  const user = await createAdmin(handle.db, {
    email: values.email,
    name: values.name,
    password: await readPassword(),
  });
  console.log(`admin created: ${user.email}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await handle.close();
}
process.exit();
