import { useQuery } from "@tanstack/react-query";
import {
  cartQueries,
  useAccountSession,
  useElasticPath,
  type AccountMembership,
  type SignedInAccountSession,
} from "../../src";

/**
 * The member's other accounts and their carts, beside the selected one's: each list is
 * `cartQueries.accountCarts` with that account's own token (every account's token came with
 * the login), under a key scoped by its account id, so nothing mixes and no token is in a key.
 */
export function OtherAccountsCarts() {
  const session = useAccountSession();
  if (session.status !== "signed-in" || session.accounts.length < 2) return null;
  const others = session.accounts.filter((account) => account.accountId !== session.accountId);
  return (
    <section className="panel" aria-labelledby="other-accounts-heading">
      <h2 id="other-accounts-heading">Your other accounts</h2>
      {others.map((account) => (
        <OtherAccount key={account.accountId} session={session} account={account} />
      ))}
    </section>
  );
}

function OtherAccount({
  session,
  account,
}: {
  session: SignedInAccountSession;
  account: AccountMembership;
}) {
  const { client } = useElasticPath();
  // The same session, with this account selected: what `useSelectAccount` would make of it.
  const asThisAccount: SignedInAccountSession = { ...session, ...account };
  const carts = useQuery(
    cartQueries.accountCarts({ client, session: asThisAccount }, { limit: 10 }),
  );
  const names = carts.data?.data.map((cart) => cart.name ?? "(no name)");
  return (
    <p>
      <strong>{account.accountName}</strong>:{" "}
      {carts.isPending
        ? "loading…"
        : carts.isError
          ? `its carts could not be loaded (${carts.error.message})`
          : names && names.length > 0
            ? names.join(", ")
            : "no carts"}
    </p>
  );
}
