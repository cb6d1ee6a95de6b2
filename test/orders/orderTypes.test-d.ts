import type { Client, OrderItemResponse, OrderResponse } from "@epcc-sdk/sdks-shopper";
import { describe, expectTypeOf, it } from "vitest";
import {
  orderQueries,
  useInfiniteOrders,
  useOrder,
  useOrders,
  type ElasticPathError,
  type OrderCollection,
  type OrderWithItems,
  type OrdersQueryKey,
  type UseOrdersOptions,
} from "../../src";

describe("public types of the order hooks", () => {
  it("useOrders: the SDK's order collection, data always an array, an ElasticPathError", () => {
    const orders = useOrders({ limit: 10, offset: 0 });
    expectTypeOf(orders.data).toEqualTypeOf<OrderCollection | undefined>();
    expectTypeOf<OrderCollection["data"]>().toEqualTypeOf<OrderResponse[]>();
    expectTypeOf(orders.error).toEqualTypeOf<ElasticPathError | null>();
    // @ts-expect-error -- paging only
    useOrders({ sort: "-created_at" });
    expectTypeOf<UseOrdersOptions>().not.toHaveProperty("queryKey");
    expectTypeOf<UseOrdersOptions>().not.toHaveProperty("queryFn");
  });

  it("useInfiniteOrders: pages of the collection, paged by limit only", () => {
    const orders = useInfiniteOrders({ limit: 20 });
    expectTypeOf(orders.data?.pages).toEqualTypeOf<OrderCollection[] | undefined>();
    // @ts-expect-error -- the offset comes from Elastic Path's paging meta
    useInfiniteOrders({ offset: 20 });
  });

  it("useOrder: { order, items } from the SDK's types", () => {
    const order = useOrder("order-id");
    expectTypeOf(order.data).toEqualTypeOf<OrderWithItems | undefined>();
    expectTypeOf<OrderWithItems>().toEqualTypeOf<{
      order: OrderResponse;
      items: OrderItemResponse[];
    }>();
  });

  it("orderQueries: keys scoped by shopper, no token", () => {
    const client = {} as Client;
    const options = orderQueries.orders({ client, session: { status: "signed-out" } });
    expectTypeOf(options.queryKey).toMatchTypeOf<OrdersQueryKey>();
    expectTypeOf<OrdersQueryKey[2]>().toEqualTypeOf<"customer" | "account" | null>();
  });
});
