import { DomainError } from "@/server/errors";
import type { OrderGraph } from "@/server/orders/queries";
import { findOrderRef } from "@/server/orders/queries";
import { cancelInput, orderInput, type OrderOutput } from "@/server/orders/schemas";
import { cancelOrder, getOrder, resolveOrderInput, upsertOrder } from "@/server/orders/service";
import type { AuthenticatedApiKey } from "@/server/api-keys/service";
import { apiRoute, type ApiContext } from "./handler";
import { orderLookupQuery } from "./schemas";

/** REST v1 order operations. Each is thin: parse, check the key's shop scope, call the service. */

/** An order graph as the API returns it: flat codes, ISO timestamps, no internal fields. */
export function toOrderOutput(o: OrderGraph): OrderOutput {
  return {
    id: o.id,
    shop: o.shopId,
    platformOrderNo: o.platformOrderNo,
    status: o.status,
    paidAt: o.paidAt.toISOString(),
    warehouse: o.warehouseId,
    recipient: {
      name: o.recipientName,
      mobile: o.recipientMobile,
      mobileExt: o.recipientMobileExt,
      provinceCode: o.provinceCode,
      cityCode: o.cityCode,
      countyCode: o.countyCode,
      region: o.regionText,
      address: o.addressDetail,
    },
    items: o.items.map((i) => ({
      sku: i.sku,
      name: i.name,
      barcode: i.barcode,
      quantity: i.quantity,
      unitPriceFen: i.unitPriceFen,
      weightG: i.weightG,
      isVirtual: i.isVirtual,
    })),
    totalFen: o.totalFen,
    parcels: o.parcels.map((p) => ({ id: p.id, status: p.status, trackingNo: p.trackingNo })),
    buyerRemark: o.buyerRemark,
    sellerRemark: o.sellerRemark,
    cancelReason: o.cancelReason,
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
  };
}

function assertInScope(key: AuthenticatedApiKey, shopId: string) {
  if (!key.shopIds.includes(shopId)) {
    throw new DomainError("FORBIDDEN", `This API key may not access shop "${shopId}"`);
  }
}

const notFound = (what: string) => new DomainError("NOT_FOUND", `Order ${what} not found`);

/** Order ids are bigserial numbers; anything else cannot name an order, so it is a 404 too. */
function parseOrderId(raw: string): number {
  const id = /^\d{1,15}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(id) || id < 1) throw notFound(JSON.stringify(raw));
  return id;
}

async function loadInScope(ctx: Pick<ApiContext, "db" | "key">, rawId: string) {
  const graph = await getOrder(ctx.db, parseOrderId(rawId));
  assertInScope(ctx.key, graph.shopId);
  return graph;
}

/** POST /api/v1/orders: create, or update the same (shop, platformOrderNo); 201 vs 200. */
export const createOrder = apiRoute(async ({ db, key, actor, body }) => {
  const input = orderInput.parse(body);
  assertInScope(key, input.shop);
  const order = await resolveOrderInput(db, input, "api");
  const { id, created } = await upsertOrder(db, actor, order);
  return { status: created ? 201 : 200, body: toOrderOutput(await getOrder(db, id)) };
});

/** GET /api/v1/orders/{id} */
export const getOrderById = apiRoute<{ id: string }>(async (ctx, { id }) => ({
  status: 200,
  body: toOrderOutput(await loadInScope(ctx, id)),
}));

/** GET /api/v1/orders?shop=&platformOrderNo=: the merchant's own reference, exact match. */
export const findOrderByPlatformNo = apiRoute(async ({ db, key, url }) => {
  const query = orderLookupQuery.parse(Object.fromEntries(url.searchParams));
  assertInScope(key, query.shop);
  const ref = await findOrderRef(db, query.shop, query.platformOrderNo);
  if (!ref) throw notFound(`${query.shop}/${query.platformOrderNo}`);
  return { status: 200, body: toOrderOutput(await getOrder(db, ref.id)) };
});

/** POST /api/v1/orders/{id}/cancel: cancelling a cancelled order is a no-op that answers 200. */
export const cancelOrderById = apiRoute<{ id: string }>(async (ctx, { id }) => {
  const { reason } = cancelInput.parse(ctx.body);
  const graph = await loadInScope(ctx, id);
  await cancelOrder(ctx.db, ctx.actor, graph.id, reason);
  return { status: 200, body: toOrderOutput(await getOrder(ctx.db, graph.id)) };
});
