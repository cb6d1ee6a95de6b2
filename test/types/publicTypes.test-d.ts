import type { CartCollectionResponse, CartResponse } from "@epcc-sdk/sdks-shopper";
import { QueryClient, useInfiniteQuery, useQuery, type InfiniteData } from "@tanstack/react-query";
import { describe, expectTypeOf, it } from "vitest";
import {
  type CartContents,
  cartQueries,
  ElasticPathError,
  useAssociateCartWithCustomer,
  useCartId,
  useCustomerCarts,
  useCustomerLogin,
  useCustomerLogout,
  useCustomerSession,
  useDisassociateCartFromCustomer,
  useInfiniteCustomerCarts,
  type AssociateCartResult,
  type AssociateCartVariables,
  type CustomerSession,
  type SignedInSession,
  type MergedCartResult,
} from "../../src";

describe("public types", () => {
  it("useAssociateCartWithCustomer: data, error and variables", () => {
    const mutation = useAssociateCartWithCustomer();
    expectTypeOf(mutation.data).toEqualTypeOf<AssociateCartResult | MergedCartResult | undefined>();
    expectTypeOf(mutation.error).toEqualTypeOf<ElasticPathError | null>();
    expectTypeOf(mutation.mutate).parameter(0).toEqualTypeOf<AssociateCartVariables>();
    expectTypeOf<AssociateCartVariables>().toEqualTypeOf<{
      cartId: string;
      customerId: string;
      customerToken?: string;
    }>();
    expectTypeOf<AssociateCartResult["status"]>().toEqualTypeOf<
      "associated" | "already-associated"
    >();
    // mutationFn and mutationKey are the hook's own.
    // @ts-expect-error -- not an option of this hook
    useAssociateCartWithCustomer({ mutationFn: async () => ({}) });
    useAssociateCartWithCustomer({
      associateOnLogin: false,
      retry: 1,
      onSuccess: (data) => data.status,
    });
  });

  it("useDisassociateCartFromCustomer: data, error and variables", () => {
    const mutation = useDisassociateCartFromCustomer();
    expectTypeOf(mutation.data).toEqualTypeOf<{ cartId: string; customerId: string } | undefined>();
    expectTypeOf(mutation.error).toEqualTypeOf<ElasticPathError | null>();
    expectTypeOf(mutation.mutate).parameter(0).toEqualTypeOf<AssociateCartVariables>();
  });

  it("session hooks", () => {
    expectTypeOf(useCustomerSession()).toEqualTypeOf<CustomerSession>();
    expectTypeOf<SignedInSession>().toEqualTypeOf<
      Extract<CustomerSession, { status: "signed-in" }>
    >();
    const login = useCustomerLogin();
    expectTypeOf(login.data).toEqualTypeOf<SignedInSession | undefined>();
    expectTypeOf(login.error).toEqualTypeOf<ElasticPathError | null>();
    expectTypeOf(login.mutate).parameter(0).toEqualTypeOf<{ email: string; password: string }>();
    expectTypeOf(useCustomerLogout()).toEqualTypeOf<() => void>();
    expectTypeOf(useCartId()).toEqualTypeOf<
      [cartId: string | undefined, setCartId: (cartId: string | undefined) => void]
    >();
  });

  it("cart lists", () => {
    const page = useCustomerCarts({ limit: 20 });
    expectTypeOf(page.data).toEqualTypeOf<CartCollectionResponse | undefined>();
    expectTypeOf(page.error).toEqualTypeOf<ElasticPathError | null>();
    const infinite = useInfiniteCustomerCarts({ limit: 20 });
    expectTypeOf(infinite.data).toEqualTypeOf<
      InfiniteData<CartCollectionResponse, number> | undefined
    >();
    // @ts-expect-error -- the infinite list pages by itself
    useInfiniteCustomerCarts({ offset: 20 });
    useInfiniteCustomerCarts({ limit: 20 }, { staleTime: 60_000, retryDelay: 1 });
    // @ts-expect-error -- its paging is the hook's own
    useInfiniteCustomerCarts({ limit: 20 }, { getNextPageParam: () => 0 });
  });

  it("cartQueries keys carry no token and tag their data", () => {
    const session: CustomerSession = { status: "signed-out" };
    const options = cartQueries.customerCarts({ client: {} as never, session }, { limit: 5 });
    expectTypeOf(options.queryKey[3]).toEqualTypeOf<string | null>();
    expectTypeOf(cartQueries.cart({ client: {} as never }, "c").queryFn).not.toBeUndefined();
    expectTypeOf<ReturnType<typeof cartQueries.cartKey>>().toEqualTypeOf<
      readonly ["epcc", "carts", "cart", string]
    >();
    expectTypeOf<CartResponse>().toHaveProperty("id");
  });

  it("cartQueries options work with TanStack's hooks and QueryClient as they are", () => {
    const source = { client: {} as never, session: { status: "signed-out" } as CustomerSession };
    expectTypeOf(useQuery(cartQueries.customerCarts(source)).data).toEqualTypeOf<
      CartCollectionResponse | undefined
    >();
    expectTypeOf(useQuery(cartQueries.cart({ client: {} as never }, "c")).data).toEqualTypeOf<
      CartContents | undefined
    >();
    expectTypeOf(useInfiniteQuery(cartQueries.infiniteCustomerCarts(source)).data).toEqualTypeOf<
      InfiniteData<CartCollectionResponse, number> | undefined
    >();
    const queryClient = new QueryClient();
    expectTypeOf(
      queryClient.fetchQuery(cartQueries.customerCarts(source)),
    ).resolves.toEqualTypeOf<CartCollectionResponse>();
    expectTypeOf(
      queryClient.getQueryData(cartQueries.cart({ client: {} as never }, "c").queryKey),
    ).toEqualTypeOf<CartContents | undefined>();
  });

  it("ElasticPathError", () => {
    const error = new ElasticPathError("x");
    expectTypeOf(error.status).toEqualTypeOf<number | undefined>();
    expectTypeOf(error.retryable).toEqualTypeOf<boolean>();
    expectTypeOf(error.errors).toEqualTypeOf<
      { status?: number | string; title: string; detail?: string }[]
    >();
    expectTypeOf(error).toExtend<Error>();
  });
});
