/**
 * The real SDK client pointed at a fake Elastic Path, and customer and account member
 * login through it. Reused by every suite that drives the fake: keep these thin.
 */
import {
  createAnAccessToken,
  createClient,
  createShopperClient,
  postV2AccountMembersTokens,
} from "@epcc-sdk/sdks-shopper";
import type { FakeElasticPath } from "../../src/testing";
import { memoryStorage } from "./memoryStorage";

export type ShopperClient = ReturnType<typeof createShopperClient>["client"];

/** The 200 body's `data` of `POST /v2/customers/tokens`. */
export interface CustomerTokenData {
  type: "token";
  id: string;
  customer_id: string;
  token: string;
  /** Epoch seconds. */
  expires: number;
}

/** The client secret `createFakeElasticPath()` accepts unless told otherwise. */
export const FAKE_CLIENT_SECRET = "fake-client-secret";

/**
 * A browser-like shopper client: implicit tokens fetched by the SDK on demand, kept in
 * memory (not `localStorage`).
 */
export function createTestClient(fake: FakeElasticPath) {
  return createShopperClient(
    { baseUrl: fake.baseUrl },
    { clientId: fake.clientId, storage: memoryStorage() },
  );
}

/**
 * A trusted server-side client whose bearer is a client-credentials token (it acts for
 * any customer and cart). `createShopperClient` only fetches implicit tokens by itself,
 * hence the token provider.
 */
export function createAdminClient(fake: FakeElasticPath, clientSecret = FAKE_CLIENT_SECRET) {
  return createShopperClient(
    { baseUrl: fake.baseUrl },
    {
      clientId: fake.clientId,
      storage: memoryStorage(),
      // As a server would write one: with `throwOnError`, the SDK throws Elastic Path's
      // error body when the credentials are refused.
      tokenProvider: async () => {
        const { data } = await createAnAccessToken({
          client: createClient({ baseUrl: fake.baseUrl }),
          body: {
            grant_type: "client_credentials",
            client_id: fake.clientId,
            client_secret: clientSecret,
          },
          throwOnError: true,
        });
        return data;
      },
    },
  );
}

/** `POST /v2/customers/tokens` through the client's auth-wrapped fetch; the SDK result as is. */
export function requestCustomerToken(client: ShopperClient, body: Record<string, unknown>) {
  return client.post<{ data: CustomerTokenData }, unknown, false>({
    url: "/v2/customers/tokens",
    body,
  });
}

/** Logs a customer in and returns the token answer; throws with the error body if refused. */
export async function loginAs(
  client: ShopperClient,
  email: string,
  password: string,
): Promise<CustomerTokenData> {
  const { data, error, response } = await requestCustomerToken(client, {
    data: { type: "token", email, password, authentication_mechanism: "password" },
  });
  if (!data) {
    throw new Error(`Login as ${email} failed with ${response.status}: ${JSON.stringify(error)}`);
  }
  return data.data;
}

export const ACCOUNT_TOKEN_TYPE = "account_management_authentication_token";

/**
 * `POST /v2/account-members/tokens` with `data` as given (`type` added), through the SDK's
 * `postV2AccountMembersTokens`; the SDK result as is. `query` is for paging, which the
 * SDK's types do not offer.
 */
export function requestAccountTokens(
  client: ShopperClient,
  data: Record<string, unknown>,
  query?: Record<string, unknown>,
) {
  const options = { client, body: { data: { type: ACCOUNT_TOKEN_TYPE, ...data } }, query };
  return postV2AccountMembersTokens<false>(
    options as Parameters<typeof postV2AccountMembersTokens<false>>[0],
  );
}

/** Logs an account member in with a password; throws with the error body if refused. */
export async function loginAccountMember(
  client: ShopperClient,
  fake: FakeElasticPath,
  username: string,
  password: string,
) {
  const { data, error, response } = await requestAccountTokens(client, {
    authentication_mechanism: "password",
    password_profile_id: fake.passwordProfileId,
    username,
    password,
  });
  if (!data) {
    throw new Error(
      `Login as ${username} failed with ${response.status}: ${JSON.stringify(error)}`,
    );
  }
  return data;
}
