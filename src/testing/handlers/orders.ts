/**
 * `GET /v2/orders` (the shopper's orders), `GET /v2/orders/:orderId` (`include=items`) and
 * `GET /v2/orders/:orderId/items`. As carts-and-orders.yaml documents them: the customer
 * token limits the list to that customer's orders, the account token to that account's;
 * client credentials list every order. Newest first, paged like the cart list.
 */
import { listOrdersWithoutShopperToken, orderNotFound, ORDERS_PAGE_LIMIT } from "../inferred";
import { renderOrder, renderOrderItems } from "../orderView";
import type { StoredOrder } from "../orders";
import { json } from "../reply";
import type { FakeRequest, FakeRuntime, Route } from "../route";
import { includes, pageOf, shopperOfRequest, type Checked, type Shopper } from "./shared";

const PAGE_LIMIT = { name: "page[limit]", min: 1, max: 100 } as const;

/** Whether the shopper (or a trusted server) may read the order; a guest's order is read by its id. */
function mayRead(order: StoredOrder, shopper: Shopper, trusted: boolean): boolean {
  if (trusted) return true;
  if (order.accountId !== undefined) {
    return shopper.kind === "account" && shopper.accountId === order.accountId;
  }
  if (order.customer?.id !== undefined) {
    return shopper.kind === "customer" && shopper.customerId === order.customer.id;
  }
  return true;
}

function orderOfRequest(request: FakeRequest, runtime: FakeRuntime): Checked<StoredOrder> {
  const shopper = shopperOfRequest(request, runtime);
  if (!shopper.ok) return shopper;
  const orderId = request.params.orderId ?? "";
  const order = runtime.orders.get(orderId);
  if (!order || !mayRead(order, shopper.value, request.bearer === "client_credentials")) {
    return { ok: false, reply: orderNotFound(orderId) };
  }
  return { ok: true, value: order };
}

export const listOrdersRoute: Route = {
  endpoint: "list-orders",
  method: "GET",
  path: "/v2/orders",
  needsBearer: true,
  handle(request, runtime) {
    const shopper = shopperOfRequest(request, runtime);
    if (!shopper.ok) return shopper.reply;
    const { value } = shopper;
    if (value.kind === "guest" && request.bearer !== "client_credentials") {
      return listOrdersWithoutShopperToken();
    }
    // `filter` and `include` are accepted and ignored.
    const orders = runtime.orders.newestFirst((order) =>
      value.kind === "customer"
        ? order.customer?.id === value.customerId
        : value.kind === "account"
          ? order.accountId === value.accountId
          : true,
    );
    const page = pageOf(
      orders,
      request.query,
      PAGE_LIMIT,
      ORDERS_PAGE_LIMIT,
      (offset, limit) => `${runtime.baseUrl}/v2/orders?page[offset]=${offset}&page[limit]=${limit}`,
    );
    if (!page.ok) return page.reply;
    return json(200, {
      data: page.value.data.map((order) => renderOrder(order, runtime.baseUrl)),
      links: page.value.links,
      meta: page.value.meta,
    });
  },
};

export const getOrderRoute: Route = {
  endpoint: "get-order",
  method: "GET",
  path: "/v2/orders/:orderId",
  needsBearer: true,
  handle(request, runtime) {
    const order = orderOfRequest(request, runtime);
    if (!order.ok) return order.reply;
    const data = renderOrder(order.value, runtime.baseUrl);
    return includes(request.query).has("items")
      ? json(200, { data, included: { items: renderOrderItems(order.value) } })
      : json(200, { data });
  },
};

export const getOrderItemsRoute: Route = {
  endpoint: "get-order-items",
  method: "GET",
  path: "/v2/orders/:orderId/items",
  needsBearer: true,
  handle(request, runtime) {
    const order = orderOfRequest(request, runtime);
    if (!order.ok) return order.reply;
    return json(200, { data: renderOrderItems(order.value) });
  },
};
