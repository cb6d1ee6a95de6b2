import type { CartResponse } from "@epcc-sdk/sdks-shopper";
import { describe, expectTypeOf, it } from "vitest";
import {
  useCreateCart,
  useDeleteCart,
  useUpdateCart,
  type CreateCartVariables,
  type DeleteCartResult,
  type DeleteCartVariables,
  type ElasticPathError,
  type UpdateCartVariables,
  type UseCreateCartOptions,
  type UseDeleteCartResult,
} from "../../src";

describe("public types of the My carts mutations", () => {
  it("useCreateCart: the SDK's cart, an ElasticPathError, and no token among the variables", () => {
    const create = useCreateCart();
    expectTypeOf(create.data).toEqualTypeOf<CartResponse | undefined>();
    expectTypeOf(create.error).toEqualTypeOf<ElasticPathError | null>();
    expectTypeOf(create.mutate).parameter(0).toEqualTypeOf<CreateCartVariables>();
    expectTypeOf<CreateCartVariables>().toEqualTypeOf<{
      name: string;
      description?: string;
      makeCurrent?: boolean;
    }>();
    create.mutate({ name: "Gift for Mum", makeCurrent: true });
    // @ts-expect-error -- a name is required
    create.mutate({ description: "No name" });
    // @ts-expect-error -- the shopper's token is the session's, never a variable
    create.mutate({ name: "Mine", customerToken: "t" });
    // The caller's retry policy replaces the package's; the request is the hook's own.
    useCreateCart({ retry: false, onSuccess: (cart) => cart.id });
    // @ts-expect-error -- not an option of this hook
    useCreateCart({ mutationFn: async () => ({}) });
    expectTypeOf<UseCreateCartOptions>().not.toHaveProperty("mutationKey");
  });

  it("useUpdateCart: cart id and the fields to change", () => {
    const update = useUpdateCart();
    expectTypeOf(update.data).toEqualTypeOf<CartResponse | undefined>();
    expectTypeOf(update.variables).toEqualTypeOf<UpdateCartVariables | undefined>();
    expectTypeOf<UpdateCartVariables>().toEqualTypeOf<{
      cartId: string;
      name?: string;
      description?: string;
    }>();
    update.mutate({ cartId: "c", name: "Office supplies" });
    // @ts-expect-error -- the hook does its own optimistic update
    useUpdateCart({ onMutate: () => undefined });
  });

  it("useDeleteCart: the deleted cart's id", () => {
    const remove = useDeleteCart();
    expectTypeOf(remove).toEqualTypeOf<UseDeleteCartResult>();
    expectTypeOf(remove.data).toEqualTypeOf<DeleteCartResult | undefined>();
    expectTypeOf<DeleteCartResult>().toEqualTypeOf<{ cartId: string }>();
    expectTypeOf<DeleteCartVariables>().toEqualTypeOf<{
      cartId: string;
      disassociateFirst?: boolean;
    }>();
    // The last-cart refusal is told apart by what Elastic Path sent.
    expectTypeOf(remove.error?.errors[0]?.title).toEqualTypeOf<string | undefined>();
    expectTypeOf(remove.error?.status).toEqualTypeOf<number | undefined>();
  });
});
