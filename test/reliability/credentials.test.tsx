/**
 * No password rests in TanStack Query's caches (public-api.md, Security): not in a login
 * mutation's variables — while it is in the air, after success or after failure — nor in an
 * error; for customers and for every account member mechanism. What devtools or a cache
 * persister may read of a login is at most the email or username.
 */
import type { QueryClient } from "@tanstack/react-query";
import { act, renderHook, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { useAccountLogin, useCustomerLogin } from "../../src";
import type { FakeElasticPath } from "../../src/testing";
import { MEMBER, seedMember } from "../support/accounts";
import { createHarness, SHOPPER } from "../support/harness";

/** Everything the mutation cache holds of its logins: keys, variables, data, errors. */
function mutationCacheText(queryClient: QueryClient): string {
  return JSON.stringify(
    queryClient
      .getMutationCache()
      .getAll()
      .map(({ options, state }) => [
        options.mutationKey,
        state.variables,
        state.data,
        state.error?.message,
      ]),
  );
}

const OIDC = { redirectUri: "https://shop.example/callback", codeVerifier: "verifier-0123456789" };

interface Login {
  /** What the shopper sends, rightly or wrongly, and which of it is secret. */
  attempt(
    fake: FakeElasticPath,
    memberId: string,
    right: boolean,
  ): { variables: object; secrets: string[] };
  useLogin: () => { mutate(variables: never): void; status: string };
}

const logins: Array<[string, Login]> = [
  [
    "a customer login",
    {
      attempt: (_, __, right) => {
        const password = right ? SHOPPER.password : "not the password";
        return { variables: { email: SHOPPER.email, password }, secrets: [password] };
      },
      useLogin: useCustomerLogin,
    },
  ],
  [
    "an account login with a password",
    {
      attempt: (fake, _, right) => {
        const password = right ? MEMBER.password : "not the member's password";
        const { username } = MEMBER;
        return {
          variables: { passwordProfileId: fake.passwordProfileId, username, password },
          secrets: [password],
        };
      },
      useLogin: useAccountLogin,
    },
  ],
  [
    "an account login with a one-time password",
    {
      attempt: (fake, memberId, right) => {
        const code = right ? fake.issueOneTimePassword(memberId) : "not-a-one-time-password";
        return {
          variables: {
            mechanism: "passwordless",
            passwordProfileId: fake.passwordProfileId,
            username: MEMBER.username,
            oneTimePasswordToken: code,
          },
          secrets: [code],
        };
      },
      useLogin: useAccountLogin,
    },
  ],
  [
    "an account login with single sign-on",
    {
      attempt: (fake, memberId, right) => {
        const code = right
          ? fake.issueOidcAuthorizationCode(memberId, OIDC)
          : "not-an-authorization-code";
        return {
          variables: { mechanism: "oidc", authorizationCode: code, ...OIDC },
          secrets: [code, OIDC.codeVerifier],
        };
      },
      useLogin: useAccountLogin,
    },
  ],
  [
    "a self sign-up",
    {
      // The member's username is taken: a 409.
      attempt: (fake, _, right) => {
        const password = "a brand new passphrase";
        const username = right ? "grace@example.com" : MEMBER.username;
        return {
          variables: {
            mechanism: "self-signup",
            passwordProfileId: fake.passwordProfileId,
            username,
            password,
            name: "Grace",
            email: "grace@example.com",
          },
          secrets: [password],
        };
      },
      useLogin: useAccountLogin,
    },
  ],
];

describe.each(logins)("%s", (_, login) => {
  it.each([
    ["succeeds", true],
    ["fails", false],
  ])(
    "leaves no secret in the mutation cache while in the air and once it %s",
    async (__, right) => {
      const { fake, queryClient, wrapper } = createHarness();
      fake.seedCustomer(SHOPPER);
      const { member } = seedMember(fake);
      const { variables, secrets } = login.attempt(fake, member.id, right);
      const { result } = renderHook(login.useLogin, { wrapper });
      fake.setLatency(20);

      act(() => result.current.mutate(variables as never));
      expect(queryClient.isMutating()).toBe(1); // answered 20 ms from now
      const inTheAir = mutationCacheText(queryClient);
      await waitFor(() => expect(result.current.status).toBe(right ? "success" : "error"));
      const settled = mutationCacheText(queryClient);

      for (const secret of secrets) {
        expect(inTheAir).not.toContain(secret);
        expect(settled).not.toContain(secret);
      }
    },
  );
});
