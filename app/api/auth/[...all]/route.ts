import { getRuntime } from "@/server/runtime";

async function handle(request: Request) {
  const { auth } = await getRuntime();
  return auth.handler(request);
}

export { handle as GET, handle as POST };
