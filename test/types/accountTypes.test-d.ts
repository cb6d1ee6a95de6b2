import type { CartCollectionResponse } from "@epcc-sdk/sdks-shopper";
import { useQuery, type InfiniteData } from "@tanstack/react-query";
import { describe, expectTypeOf, it } from "vitest";
import type { ElasticPathError } from "../../src";
import {
  cartQueries,
  useAccountCarts,
  useAccountLogin,
  useAccountLogout,
  useAccountSession,
  useAssociateCartWithAccount,
  useDisassociateCartFromAccount,
  useInfiniteAccountCarts,
  useSelectAccount,
  type AccountLoginVariables,
  type AccountSession,
  type AssociateCartWithAccountResult,
  type AssociateCartWithAccountVariables,
  type MergedAccountCartResult,
  type SignedInAccountSession,
} from "../../src";

describe("public types of the account hooks", () => {
  it("AccountSession has the shape the docs promise", () => {
    expectTypeOf<AccountSession>().toEqualTypeOf<
      | { status: "signed-out" }
      | {
          status: "signed-in";
          accountMemberId: string;
          accountId: string;
          accountName: string;
          token: string;
          expiresAt: number;
          accounts: { accountId: string; accountName: string; token: string; expiresAt: number }[];
        }
    >();
    expectTypeOf(useAccountSession()).toEqualTypeOf<AccountSession>();
    expectTypeOf(useSelectAccount()).toEqualTypeOf<(accountId: string) => void>();
    expectTypeOf(useAccountLogout()).toEqualTypeOf<() => void>();
  });

  it("useAccountLogin: one variables type per mechanism", () => {
    const login = useAccountLogin();
    expectTypeOf(login.data).toEqualTypeOf<SignedInAccountSession | undefined>();
    expectTypeOf(login.error).toEqualTypeOf<ElasticPathError | null>();
    expectTypeOf(login.mutate).parameter(0).toEqualTypeOf<AccountLoginVariables>();
    login.mutate({ passwordProfileId: "p", username: "u", password: "x" });
    login.mutate({
      mechanism: "oidc",
      authorizationCode: "c",
      redirectUri: "r",
      codeVerifier: "v",
    });
    login.mutate({
      mechanism: "passwordless",
      passwordProfileId: "p",
      username: "u",
      oneTimePasswordToken: "t",
    });
    login.mutate({
      mechanism: "self-signup",
      passwordProfileId: "p",
      username: "u",
      password: "x",
      name: "n",
      email: "e@x",
      accountId: "a",
    });
    // @ts-expect-error -- an OIDC login needs its code verifier
    login.mutate({ mechanism: "oidc", authorizationCode: "c", redirectUri: "r" });
  });

  it("useAssociateCartWithAccount and its mirror: data, error and variables", () => {
    const mutation = useAssociateCartWithAccount();
    expectTypeOf(mutation.data).toEqualTypeOf<
      AssociateCartWithAccountResult | MergedAccountCartResult | undefined
    >();
    expectTypeOf(mutation.error).toEqualTypeOf<ElasticPathError | null>();
    expectTypeOf(mutation.mutate).parameter(0).toEqualTypeOf<AssociateCartWithAccountVariables>();
    expectTypeOf<AssociateCartWithAccountVariables>().toEqualTypeOf<{
      cartId: string;
      accountId: string;
      accountToken?: string;
    }>();
    expectTypeOf<AssociateCartWithAccountResult>().toEqualTypeOf<{
      status: "associated" | "already-associated";
      cartId: string;
      accountId: string;
    }>();
    useAssociateCartWithAccount({ associateOnLogin: false, onSuccess: (data) => data.accountId });
    // @ts-expect-error -- not an option of this hook
    useAssociateCartWithAccount({ mutationKey: ["x"] });
    const remove = useDisassociateCartFromAccount();
    expectTypeOf(remove.data).toEqualTypeOf<{ cartId: string; accountId: string } | undefined>();
    expectTypeOf(remove.mutate).parameter(0).toEqualTypeOf<AssociateCartWithAccountVariables>();
  });

  it("account lists and their keys", () => {
    expectTypeOf(useAccountCarts({ limit: 20 }).data).toEqualTypeOf<
      CartCollectionResponse | undefined
    >();
    expectTypeOf(useInfiniteAccountCarts({ limit: 20 }).data).toEqualTypeOf<
      InfiniteData<CartCollectionResponse, number> | undefined
    >();
    // @ts-expect-error -- the infinite list pages by itself
    useInfiniteAccountCarts({ offset: 20 });
    const session: AccountSession = { status: "signed-out" };
    const options = cartQueries.accountCarts({ client: {} as never, session });
    expectTypeOf(options.queryKey[2]).toEqualTypeOf<"account">();
    expectTypeOf(options.queryKey[3]).toEqualTypeOf<string | null>();
    expectTypeOf(useQuery(options).data).toEqualTypeOf<CartCollectionResponse | undefined>();
    expectTypeOf(cartQueries.accountKey("a")).toEqualTypeOf<
      readonly ["epcc", "carts", "account", string | null]
    >();
  });
});
