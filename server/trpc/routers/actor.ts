import type { OrderActor } from "@/server/orders/service";

/** A signed-in staff member as the author of order and parcel changes. */
export function userActor(user: { id: string }): OrderActor {
  return { userId: user.id, label: user.id };
}
