import * as sdk from "@epcc-sdk/sdks-shopper";
import { invalidInput } from "../errors/ElasticPathError";
import { requireObject, requireSafeId, requireText, requireToken } from "../errors/validate";
import { requireEpochMs } from "./CustomerSession";
import { registerSessionKind, SIGNED_OUT, type ShopperKindDescriptor } from "./sessionKind";

/** One account a member may act for, with its own Account Management token. */
export interface AccountMembership {
  accountId: string;
  accountName: string;
  token: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

/**
 * Who is shopping, on Account Management: an account member acting for one of their
 * accounts. `accountId`, `accountName`, `token` and `expiresAt` are the selected account's;
 * `accounts` lists every account the member may switch to (`useSelectAccount`), each with
 * its token from `POST /v2/account-members/tokens`.
 *
 * @example
 * ```ts
 * const session: AccountSession = { status: "signed-out" };
 * ```
 */
export type AccountSession =
  | { status: "signed-out" }
  | {
      status: "signed-in";
      accountMemberId: string;
      accountId: string;
      accountName: string;
      token: string;
      expiresAt: number;
      accounts: AccountMembership[];
    };

export type SignedInAccountSession = Extract<AccountSession, { status: "signed-in" }>;

/** Account names are shown, never sent in a path; they only need to be text. */
const MAX_NAME_LENGTH = 1024;

function requireMembership(field: string, value: unknown): AccountMembership {
  const { accountId, accountName, token, expiresAt } = requireObject(field, value);
  return {
    accountId: requireSafeId(`${field}.accountId`, accountId),
    accountName: requireText(`${field}.accountName`, accountName, MAX_NAME_LENGTH),
    token: requireToken(`${field}.token`, token),
    expiresAt: requireEpochMs(`${field}.expiresAt`, expiresAt),
  };
}

/**
 * The session with `accountId` selected from its `accounts`. An id the member does not
 * belong to is refused with an `ElasticPathError`.
 */
export function selectAccount(
  session: Omit<SignedInAccountSession, keyof AccountMembership>,
  accountId: string,
  field = "accountId",
): SignedInAccountSession {
  const selected = session.accounts.find((account) => account.accountId === accountId);
  if (!selected) {
    throw invalidInput(`${field} "${accountId}" is not one of the member's accounts.`);
  }
  return { ...session, ...selected };
}

/**
 * An account session handed to the package (a query source, a controlled provider,
 * storage), checked like any input. Returns a copy holding the session's fields only; the
 * selected account must be one of `accounts`, with the same token.
 */
export function requireAccountSession(field: string, value: unknown): AccountSession {
  const given = requireObject(field, value);
  if (given.status === "signed-out") return SIGNED_OUT;
  if (given.status !== "signed-in") {
    throw invalidInput(`${field}.status must be "signed-in" or "signed-out".`);
  }
  if (!Array.isArray(given.accounts) || given.accounts.length === 0) {
    throw invalidInput(`${field}.accounts must list at least one account.`);
  }
  const session = selectAccount(
    {
      status: "signed-in",
      accountMemberId: requireSafeId(`${field}.accountMemberId`, given.accountMemberId),
      accounts: given.accounts.map((account, index) =>
        requireMembership(`${field}.accounts[${index}]`, account),
      ),
    },
    requireSafeId(`${field}.accountId`, given.accountId),
    `${field}.accountId`,
  );
  if (given.token !== session.token) {
    throw invalidInput(`${field}.token must be the selected account's token.`);
  }
  return session;
}

/**
 * Accounts: `EP-Account-Management-Authentication-Token`, and `.../relationships/accounts`
 * with `{ data: [{ type: "account", id }] }`, an array with one entry as for customers
 * (Elastic Path's Carts API, "Create Account Cart Association").
 */
export const accountKind: ShopperKindDescriptor<"account", AccountSession> = {
  kind: "account",
  check: requireAccountSession,
  shopperOf: ({ accountId, token, expiresAt }) => ({
    kind: "account",
    id: accountId,
    token,
    expiresAt,
  }),
  tokenHeader: "EP-Account-Management-Authentication-Token",
  associate: (client, cartID, id, headers) =>
    sdk.createAccountCartAssociation({
      client,
      path: { cartID },
      body: { data: [{ type: "account", id }] },
      headers,
    }),
  disassociate: (client, cartID, id, headers) =>
    sdk.deleteAccountCartAssociation({
      client,
      path: { cartID },
      body: { data: [{ type: "account", id }] },
      headers,
    }),
};
/** Lets the session store read account sessions; every account hook calls it first. */
export const registerAccountSessions = () =>
  registerSessionKind(accountKind as ShopperKindDescriptor);
