import { createAccountCartAssociation, getCarts } from "@epcc-sdk/sdks-shopper";
import { afterEach, describe, expect, test, vi } from "vitest";
import { createFakeElasticPath, type FakeElasticPathOptions } from "../../src/testing";
import { server } from "../support/server";
import { createTestClient, loginAccountMember, requestAccountTokens } from "../support/sdk";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function setup(options?: FakeElasticPathOptions) {
  const fake = createFakeElasticPath(options);
  server.use(...fake.handlers);
  const { client } = createTestClient(fake);
  const acme = fake.seedAccount({ name: "Acme" });
  const ada = fake.seedAccountMember({
    username: "ada@example.com",
    password: "analytical",
    accountIds: [acme.id],
  });
  return { fake, client, acme, ada };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("Account Management options", () => {
  test("defaults: a UUID password profile; the option names it", () => {
    expect(createFakeElasticPath().passwordProfileId).toMatch(UUID);
    expect(createFakeElasticPath({ passwordProfileId: "profile-1" }).passwordProfileId).toBe(
      "profile-1",
    );
  });

  test.each([
    [
      { passwordProfileId: "" },
      "createFakeElasticPath: passwordProfileId must be a non-empty string.",
    ],
    [{ selfSignup: "yes" }, "createFakeElasticPath: selfSignup must be true or false."],
    [
      { autoCreateAccountForAccountMembers: 1 },
      "createFakeElasticPath: autoCreateAccountForAccountMembers must be true or false.",
    ],
    [
      { accountTokenExpires: "iso" },
      'createFakeElasticPath: accountTokenExpires must be "date-time" or "epoch-seconds", got "iso".',
    ],
  ])("invalid options %j throw", (options, message) => {
    expect(() => createFakeElasticPath(options as never)).toThrow(message);
  });
});

describe("seeding accounts and account members", () => {
  test("seedAccount: a UUID unless an id is given", () => {
    const fake = createFakeElasticPath();
    expect(fake.seedAccount({ name: "Acme" })).toEqual({
      id: expect.stringMatching(UUID),
      name: "Acme",
    });
    expect(fake.seedAccount({ id: "acc-1", name: "Globex" })).toEqual({
      id: "acc-1",
      name: "Globex",
    });
  });

  test.each([
    [{}, "seedAccount needs a non-empty name."],
    [{ name: " " }, "seedAccount needs a non-empty name."],
    [{ name: "Acme", id: "" }, "seedAccount: id must be a non-empty string when given."],
  ])("seedAccount(%j) throws", (input, message) => {
    expect(() => createFakeElasticPath().seedAccount(input as never)).toThrow(message);
  });

  test("seedAccount refuses a duplicate id", () => {
    const fake = createFakeElasticPath();
    fake.seedAccount({ id: "acc-1", name: "Acme" });
    expect(() => fake.seedAccount({ id: "acc-1", name: "Again" })).toThrow(
      'An account with id "acc-1" is already seeded.',
    );
  });

  test("seedAccountMember returns the member without the password; name and email default from the username", () => {
    const fake = createFakeElasticPath();
    const acme = fake.seedAccount({ name: "Acme" });
    expect(
      fake.seedAccountMember({ username: "ada@example.com", password: "x", accountIds: [acme.id] }),
    ).toEqual({
      id: expect.stringMatching(UUID),
      username: "ada@example.com",
      name: "ada",
      email: "ada@example.com",
    });
    expect(fake.seedAccountMember({ username: "grace", password: "x", accountIds: [] })).toEqual({
      id: expect.stringMatching(UUID),
      username: "grace",
      name: "grace",
      email: "",
    });
    expect(
      fake.seedAccountMember({
        id: "m-1",
        username: "bea",
        password: "x",
        name: "Bea",
        email: "bea@example.com",
        accountIds: [acme.id],
      }),
    ).toEqual({ id: "m-1", username: "bea", name: "Bea", email: "bea@example.com" });
  });

  test.each([
    [{ password: "x", accountIds: [] }, "seedAccountMember needs a non-empty username."],
    [
      { username: "u", password: "", accountIds: [] },
      "seedAccountMember needs a non-empty password.",
    ],
    [
      { username: "u", password: "x" },
      "seedAccountMember: accountIds must be an array of seeded account ids (empty for none), got undefined.",
    ],
    [
      { username: "u", password: "x", accountIds: "acme" },
      'seedAccountMember: accountIds must be an array of seeded account ids (empty for none), got "acme".',
    ],
    [
      { username: "u", password: "x", accountIds: ["nope"] },
      'seedAccountMember: no account with id "nope" was seeded.',
    ],
    [
      { username: "u", password: "x", accountIds: ["acc-1", "acc-1"] },
      'seedAccountMember: accountIds lists "acc-1" twice.',
    ],
    [
      { username: "u", password: "x", email: "no-at", accountIds: [] },
      "seedAccountMember: email must be an email address when given.",
    ],
    [
      { username: "u", password: "x", id: "", accountIds: [] },
      "seedAccountMember: id must be a non-empty string when given.",
    ],
  ])("seedAccountMember(%j) throws", (input, message) => {
    const fake = createFakeElasticPath();
    fake.seedAccount({ id: "acc-1", name: "Acme" });
    expect(() => fake.seedAccountMember(input as never)).toThrow(message);
  });

  test("seedAccountMember refuses a taken username, whatever its case, and a taken id", () => {
    const fake = createFakeElasticPath();
    fake.seedAccountMember({ id: "m-1", username: "ada", password: "x", accountIds: [] });
    expect(() =>
      fake.seedAccountMember({ username: "ADA", password: "y", accountIds: [] }),
    ).toThrow('An account member with username "ADA" is already seeded.');
    expect(() =>
      fake.seedAccountMember({ id: "m-1", username: "bea", password: "y", accountIds: [] }),
    ).toThrow('An account member with id "m-1" is already seeded.');
  });

  test("seedCart and seedCarts with accountIds: the account's carts, newest first", () => {
    const fake = createFakeElasticPath();
    const acme = fake.seedAccount({ name: "Acme" });
    const globex = fake.seedAccount({ name: "Globex" });
    const shared = fake.seedCart({
      id: "shared",
      accountIds: [acme.id, globex.id],
      updatedAt: Date.parse("2025-01-01T00:00:00Z"),
    });
    expect(shared.relationships).toMatchObject({
      customers: {},
      accounts: {
        data: [
          { type: "account", id: acme.id },
          { type: "account", id: globex.id },
        ],
      },
    });
    const newer = fake.seedCarts(2, { accountIds: [acme.id] });
    expect(fake.cartsOfAccount(acme.id)).toEqual([...newer, shared]);
    expect(fake.cartsOfAccount(globex.id)).toEqual([shared]);
    expect(fake.cartsOfAccount("nobody")).toEqual([]);
    expect(fake.accountAssociations()).toEqual([
      { cartId: "shared", accountId: acme.id },
      { cartId: "shared", accountId: globex.id },
      { cartId: newer[0]?.id, accountId: acme.id },
      { cartId: newer[1]?.id, accountId: acme.id },
    ]);
    expect(fake.associations()).toEqual([]);
  });

  test.each([
    [{ accountIds: ["nobody"] }, 'seedCart: no account with id "nobody" was seeded.'],
    [{ accountIds: "acc-1" }, "seedCart: accountIds must be an array of seeded account ids"],
    [{ accountIds: ["acc-1", "acc-1"] }, 'seedCart: accountIds lists "acc-1" twice.'],
    [
      { accountIds: ["acc-1"], contactEmail: "guest@example.com" },
      "seedCart: a cart with a contactEmail cannot have accounts, as in Elastic Path.",
    ],
  ])("seedCart(%j) throws, and seeds nothing", (input, message) => {
    const fake = createFakeElasticPath();
    fake.seedAccount({ id: "acc-1", name: "Acme" });
    expect(() => fake.seedCart(input as never)).toThrow(message);
    expect(fake.cartsOfAccount("acc-1")).toEqual([]);
  });

  test("the issue and expire controls need a seeded member (and account), and a membership", () => {
    const { fake, acme, ada } = setup();
    const globex = fake.seedAccount({ name: "Globex" });
    const input = { redirectUri: "https://shop.example.com/cb", codeVerifier: "v" };
    expect(() => fake.issueOidcAuthorizationCode("nobody", input)).toThrow(
      'issueOidcAuthorizationCode: no account member with id "nobody" was seeded.',
    );
    expect(() => fake.issueOneTimePassword("nobody")).toThrow(
      'issueOneTimePassword: no account member with id "nobody" was seeded.',
    );
    expect(() => fake.issueAccountToken("nobody", acme.id)).toThrow(
      'issueAccountToken: no account member with id "nobody" was seeded.',
    );
    expect(() => fake.expireAccountTokens("nobody")).toThrow(
      'expireAccountTokens: no account member with id "nobody" was seeded.',
    );
    expect(() => fake.issueAccountToken(ada.id, "nope")).toThrow(
      'issueAccountToken: no account with id "nope" was seeded.',
    );
    expect(() => fake.issueAccountToken(ada.id, globex.id)).toThrow(
      `issueAccountToken: account member "${ada.id}" is not a member of account "${globex.id}".`,
    );
    expect(() => fake.issueOidcAuthorizationCode(ada.id, { ...input, redirectUri: "" })).toThrow(
      "issueOidcAuthorizationCode needs a redirectUri.",
    );
    expect(() =>
      fake.issueOidcAuthorizationCode(ada.id, { ...input, codeVerifier: undefined as never }),
    ).toThrow("issueOidcAuthorizationCode needs a codeVerifier.");
  });

  test("seeding and issuing records no requests", () => {
    const { fake, acme, ada } = setup();
    fake.seedCarts(2, { accountIds: [acme.id] });
    fake.issueAccountToken(ada.id, acme.id);
    fake.issueOneTimePassword(ada.id);
    fake.issueOidcAuthorizationCode(ada.id, { redirectUri: "https://r", codeVerifier: "v" });
    fake.expireAccountTokens(ada.id);
    expect(fake.requests).toEqual([]);
  });
});

describe("faults, latency and the request log on the account endpoints", () => {
  test("failNext on account-member-token: string statuses, no token issued", async () => {
    const { fake, client } = setup();
    fake.failNext("account-member-token", 1, { status: 503 });
    await expect(loginAccountMember(client, fake, "ada@example.com", "analytical")).rejects.toThrow(
      'failed with 503: {"errors":[{"status":"503","title":"Service Unavailable"',
    );
    const login = await loginAccountMember(client, fake, "ada@example.com", "analytical");
    expect(login.data).toHaveLength(1);
    expect(fake.requestsTo("account-member-token").map((r) => r.status)).toEqual([503, 201]);
  });

  test.each(["associate-account", "disassociate-account"] as const)(
    "failNext on %s: numeric statuses, nothing changes; a network error rejects",
    async (endpoint) => {
      const { fake, client, acme, ada } = setup();
      const cartId =
        fake.seedCart({ accountIds: endpoint === "associate-account" ? [] : [acme.id] }).id ?? "";
      const before = fake.accountAssociations();
      const options = {
        client,
        path: { cartID: cartId },
        body: { data: [{ type: "account", id: acme.id }] },
        headers: {
          "EP-Account-Management-Authentication-Token": fake.issueAccountToken(ada.id, acme.id),
        },
      };
      const send = () =>
        client.request({
          ...options,
          method: endpoint === "associate-account" ? "POST" : "DELETE",
          url: "/v2/carts/{cartID}/relationships/accounts",
        });
      fake.failNext(endpoint, 1, { status: 500 });
      fake.failNext(endpoint, 1, { network: true });

      const { error, response } = await send();
      expect(response.status).toBe(500);
      expect(error).toMatchObject({ errors: [{ status: 500, title: "Internal Server Error" }] });
      await expect(send()).rejects.toThrow(TypeError);
      expect(fake.accountAssociations()).toEqual(before);
      expect(fake.requestsTo(endpoint).map((r) => r.status)).toEqual([500, "network-error"]);
      expect([200, 204]).toContain((await send()).response.status);
    },
  );

  test("a latency function sees the new endpoints; the log records the account header", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout"] });
    const seen: Array<{ method: string; path: string; endpoint: string }> = [];
    const { fake, client, acme, ada } = setup({
      latencyMs: (request) => {
        seen.push(request);
        return request.endpoint === "account-member-token" ? 1000 : 0;
      },
    });
    const pending = requestAccountTokens(client, {
      authentication_mechanism: "password",
      password_profile_id: fake.passwordProfileId,
      username: "ada@example.com",
      password: "analytical",
    });
    await vi.advanceTimersByTimeAsync(999);
    expect(fake.requestsTo("account-member-token")).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect((await pending).response.status).toBe(201);

    const token = fake.issueAccountToken(ada.id, acme.id);
    await createAccountCartAssociation({
      client,
      path: { cartID: "abc" },
      body: { data: [{ type: "account", id: acme.id }] },
      headers: { "EP-Account-Management-Authentication-Token": token },
    });
    expect(seen.map((request) => `${request.method} ${request.path} ${request.endpoint}`)).toEqual([
      "POST /oauth/access_token access-token",
      "POST /v2/account-members/tokens account-member-token",
      "POST /v2/carts/abc/relationships/accounts associate-account",
    ]);
    expect(fake.requestsTo("associate-account")).toMatchObject([
      {
        path: "/v2/carts/abc/relationships/accounts",
        headers: { "ep-account-management-authentication-token": token },
        body: { data: [{ type: "account", id: acme.id }] },
        status: 200,
      },
    ]);
  });
});

describe("reset", () => {
  test("clears accounts, members, account tokens and one-time codes; the password profile stays", async () => {
    const { fake, client, acme, ada } = setup();
    fake.seedCarts(2, { accountIds: [acme.id] });
    const token = fake.issueAccountToken(ada.id, acme.id);
    const otp = fake.issueOneTimePassword(ada.id);
    const profile = fake.passwordProfileId;

    fake.reset();
    expect(fake.passwordProfileId).toBe(profile);
    expect(fake.accountAssociations()).toEqual([]);
    expect(fake.cartsOfAccount(acme.id)).toEqual([]);
    expect(() => fake.issueAccountToken(ada.id, acme.id)).toThrow();

    const list = await getCarts({
      client,
      headers: { "EP-Account-Management-Authentication-Token": token },
    });
    expect(list.response.status).toBe(401);
    await expect(loginAccountMember(client, fake, "ada@example.com", "analytical")).rejects.toThrow(
      "failed with 401",
    );

    // The same username can be seeded again; the old one-time password is gone.
    const again = fake.seedAccountMember({
      username: "ada@example.com",
      password: "new",
      accountIds: [],
    });
    const passwordless = await requestAccountTokens(client, {
      authentication_mechanism: "passwordless",
      password_profile_id: profile,
      username: "ada@example.com",
      one_time_password_token: otp,
    });
    expect(passwordless.response.status).toBe(401);
    expect((await loginAccountMember(client, fake, "ada@example.com", "new")).meta).toMatchObject({
      account_member_id: again.id,
    });
  });
});
