import { getDbHandle } from "./client";
import { migrate } from "./migrate";

const handle = await getDbHandle();
await migrate(handle);
console.log(`migrations applied (${handle.driver})`);
await handle.close();
