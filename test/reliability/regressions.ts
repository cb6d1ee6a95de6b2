/**
 * Programs that once broke an invariant, kept as they were shrunk (or, where noted, written
 * by hand from a suspected race and confirmed failing before the fix). They run on every CI
 * run next to the random ones; each names the commit that made it pass.
 */
import type { Program } from "./support/program";

export interface Regression {
  /** What went wrong, and the subject of the commit that fixed it. */
  name: string;
  program: Program;
}

export const regressions: Regression[] = [
  {
    // fast-check, seed 1. Invariant 5: A's login (customer id and token) stayed in the
    // mutation cache once B had logged in.
    name: "a login's result outlives its session (Drop a login's result from the mutation cache once its session is over)",
    program: {
      keepCartOnLogout: false,
      steps: [
        { kind: "unmount", tab: "A", index: 0 },
        { kind: "strictMode", on: false },
        { kind: "login", tab: "A", who: "A" },
        { kind: "setCart", tab: "A", cart: "guest" },
        {
          kind: "fault",
          endpoint: "access-token",
          fault: { status: 429, retryAfter: "1" },
          count: 1,
        },
        { kind: "login", tab: "A", who: "B" },
      ],
    },
  },
  {
    // fast-check, seed 1, after the first fix: both logins in the air, A's answer landed
    // after B had signed in, so A's login (with its token) arrived in the cache afterwards.
    name: "a late login answer keeps its token cached (same commit, second version of the fix)",
    program: {
      keepCartOnLogout: false,
      steps: [
        { kind: "latency", endpoint: "access-token", ms: 25 },
        { kind: "unmount", tab: "A", index: 0 },
        { kind: "strictMode", on: false },
        { kind: "login", tab: "A", who: "A" },
        { kind: "setCart", tab: "A", cart: "guest" },
        {
          kind: "fault",
          endpoint: "list-carts",
          fault: { status: 429, retryAfter: "1" },
          count: 1,
        },
        { kind: "login", tab: "A", who: "B" },
      ],
    },
  },
  {
    // By hand, confirmed failing. A list fetch with A's revoked token was in the air when A
    // logged in again: its 401 signed the new session out (End a session on a 401 only if the
    // refused token is still the session's); then, with a QueryClient's default retry, it was
    // retried (Cart lists follow the app's retry setting but never retry a 4xx); then the new
    // session's list showed the 401 (Reload a customer's cart lists when they log in again).
    name: "a stale 401 on the cart list ends or spoils the customer's next session",
    program: {
      keepCartOnLogout: true,
      steps: [
        { kind: "mount", tab: "A", widget: "carts" },
        { kind: "login", tab: "A", who: "A" },
        { kind: "wait", ms: 15 },
        { kind: "latency", endpoint: "list-carts", ms: 60 },
        { kind: "expire", who: "A" },
        { kind: "mount", tab: "A", widget: "carts" },
        { kind: "login", tab: "A", who: "A" },
        { kind: "wait", ms: 40 },
        { kind: "wait", ms: 40 },
        { kind: "wait", ms: 40 },
      ],
    },
  },
  {
    // By hand, confirmed failing. The automatic association of A's first session, sent with a
    // token revoked meanwhile, answered 401 after A had logged in again: it signed the new
    // session out (End a session on a 401 only if the refused token is still the session's),
    // and the new session, started within the same second, was taken for the old one and
    // never associated the cart (Tell two sessions of one customer apart when they start in
    // the same second).
    name: "a stale 401 on the association ends the next session, which never associates",
    program: {
      keepCartOnLogout: true,
      steps: [
        { kind: "mount", tab: "A", widget: "associate" },
        { kind: "setCart", tab: "A", cart: "guest" },
        { kind: "latency", endpoint: "associate", ms: 60 },
        { kind: "login", tab: "A", who: "A" },
        { kind: "wait", ms: 15 },
        { kind: "expire", who: "A" },
        { kind: "login", tab: "A", who: "A" },
        { kind: "wait", ms: 40 },
        { kind: "wait", ms: 40 },
      ],
    },
  },
  {
    // By hand, confirmed failing. A's association, slowed down, answered after A logged out
    // and B logged in and associated the same cart: its late ledger write replaced B's
    // session's entry, so after a reload B's pair was sent again in the same session (Keep a
    // few sessions in the association ledger, so a late write cannot erase the current one).
    name: "a late association of an ended session erases the next session's ledger entry",
    program: {
      keepCartOnLogout: true,
      steps: [
        { kind: "mount", tab: "A", widget: "associate" },
        { kind: "setCart", tab: "A", cart: "guest" },
        { kind: "latency", endpoint: "associate", ms: 60 },
        { kind: "login", tab: "A", who: "A" },
        { kind: "wait", ms: 15 },
        { kind: "latency", endpoint: "associate", ms: 0 },
        { kind: "logout", tab: "A" },
        { kind: "login", tab: "A", who: "B" },
        { kind: "wait", ms: 40 },
        { kind: "wait", ms: 40 },
        { kind: "reload", tab: "A" },
        { kind: "wait", ms: 40 },
      ],
    },
  },
  {
    // fast-check, seed 61, shrunk. My carts mounted for the first time with B's token, slowly;
    // B's tokens expire and B logs in again: invalidating the lists left that first load
    // running (TanStack cancels only fetches of queries with data), and its 401 stayed on
    // screen (Cancel a first load made with the old token before reloading a re-logged-in
    // customer's lists).
    name: "a first list load with the old token shows its 401 to the customer logged in again",
    program: {
      keepCartOnLogout: false,
      steps: [
        { kind: "login", tab: "A", who: "B" },
        { kind: "unmount", tab: "A", index: 0 },
        { kind: "setCart", tab: "A", cart: "guest" },
        { kind: "mount", tab: "A", widget: "associate" },
        { kind: "latency", endpoint: "list-carts", ms: 25 },
        { kind: "mount", tab: "A", widget: "carts" },
        { kind: "expire", who: "B" },
        { kind: "login", tab: "A", who: "B" },
        { kind: "wait", ms: 40 },
      ],
    },
  },
  {
    // fast-check, seed 63, shrunk. A's association was being retried (429s) when the other tab
    // logged A in again within the same second: the old session's retry refused the new token,
    // and the new session, with the same customer and expiresAt, never started its own (Start
    // the automatic association for every new session, even of the same customer).
    name: "a re-login in the other tab during retries leaves the cart unassociated",
    program: {
      keepCartOnLogout: false,
      steps: [
        { kind: "login", tab: "A", who: "A" },
        { kind: "setCart", tab: "A", cart: "guest" },
        { kind: "latency", endpoint: "access-token", ms: 25 },
        {
          kind: "fault",
          endpoint: "associate",
          fault: { status: 429, retryAfter: "Wed, 21 Oct 2099 07:28:00 GMT" },
          count: 3,
        },
        { kind: "setCart", tab: "A", cart: "guest2" },
        { kind: "login", tab: "B", who: "A" },
      ],
    },
  },
  {
    // fast-check, seed 31, shrunk (seed 21 found it too). FAILS until fixed: M's login
    // associated the kept cart with account X (200); switching to Y associated it with Y
    // (200); switching back to X sent X's association again with the same token (204), a
    // second call for (cart, X) in one session. The switch forgot X's settled pair (the
    // association ledger and the started set) as if X's session had ended.
    name: "switching accounts and back re-sends the first account's association",
    program: {
      keepCartOnLogout: true,
      steps: [
        { kind: "mount", tab: "A", widget: "accountAssociate" },
        { kind: "setCart", tab: "A", cart: "guest" },
        { kind: "accountLogin", tab: "A", who: "M" },
        { kind: "selectAccount", tab: "A", account: 1 },
        { kind: "selectAccount", tab: "A", account: 0 },
      ],
    },
  },
  {
    // fast-check, seed 31 (with the regression above fixed by hand), shrunk further by hand.
    // FAILS until fixed: with customer A signed in, the account logout (a storefront offering
    // both logins may call either) has no member to sign out, yet it forgets A's cart.
    name: "an account logout forgets the signed-in customer's cart",
    program: {
      keepCartOnLogout: false,
      steps: [
        { kind: "login", tab: "A", who: "A" },
        { kind: "setCart", tab: "A", cart: "guest2" },
        { kind: "accountLogout", tab: "A" },
      ],
    },
  },
  {
    // The mirror, by hand, from the other tab. FAILS until fixed: a customer logout forgets
    // the cart of the signed-in account member.
    name: "a customer logout forgets the signed-in account member's cart",
    program: {
      keepCartOnLogout: false,
      steps: [
        { kind: "accountLogin", tab: "A", who: "M" },
        { kind: "setCart", tab: "A", cart: "guest" },
        { kind: "logout", tab: "B" },
      ],
    },
  },
  {
    // fast-check, seed 2 (its 133rd program), shrunk. FAILS until fixed: under "merge", the
    // automatic call first reads the first page of the shopper's carts, and that read retries
    // on its own with the package's rule (Retry-After honoured up to 30 s, else 1 s, 2 s, 4 s)
    // instead of the association hook's retry / retryDelay (the banners pass retryDelay: 1);
    // the mutation then retries the whole read again, up to 16 reads for one login. Here the
    // 429's Retry-After holds the login's merge for 30 s: nothing settles within 5 s.
    name: 'under "merge", a 429 on the carts read holds the merge for its Retry-After, not the hook\'s retryDelay',
    program: {
      keepCartOnLogout: false,
      guestCartOnLogin: "merge",
      steps: [
        { kind: "mount", tab: "A", widget: "infinite" },
        { kind: "setCart", tab: "A", cart: "ofA" },
        { kind: "accountLogin", tab: "A", who: "M" },
        {
          kind: "fault",
          endpoint: "list-carts",
          fault: { status: 429, retryAfter: "Wed, 21 Oct 2099 07:28:00 GMT" },
          count: 1,
        },
      ],
    },
  },
  {
    // The same for a customer and 503s, by hand, confirmed failing: three 503s on the carts
    // read back off 1 s, 2 s and 4 s before the merge is sent, whatever the hook's retryDelay.
    name: 'under "merge", 5xx on the carts read back off by seconds, not the hook\'s retryDelay',
    program: {
      keepCartOnLogout: false,
      guestCartOnLogin: "merge",
      steps: [
        { kind: "mount", tab: "A", widget: "associate" },
        { kind: "fault", endpoint: "list-carts", fault: { status: 503 }, count: 3 },
        { kind: "setCart", tab: "A", cart: "guest" },
        { kind: "login", tab: "A", who: "A" },
      ],
    },
  },
  {
    // By hand, from what invariant 8 found on random programs (seeds 11 and others), confirmed
    // failing here; main passes it (Fix what the second reading of the merge found). A kept the
    // cart their guest cart was merged into across a logout (keepCartOnLogout), and B's login
    // merged A's cart, A's items and all, into B's: only guest carts may be merged.
    name: "another shopper's cart, kept across a logout, is merged into the next shopper's",
    program: {
      keepCartOnLogout: true,
      guestCartOnLogin: "merge",
      steps: [
        { kind: "mount", tab: "A", widget: "associate" },
        { kind: "setCart", tab: "A", cart: "guest" },
        { kind: "login", tab: "A", who: "A" },
        { kind: "wait", ms: 20 },
        { kind: "logout", tab: "A" },
        { kind: "login", tab: "A", who: "B" },
      ],
    },
  },
  {
    // fast-check on main's merge (commit 8543437: seeds 1, 2 and 3 found it), made by hand
    // into this. Passes on this branch's base; FAILS on main until fixed: "My carts" loads
    // slowly at login, the merge's carts read waits for it, the logout cancels it; the read
    // then asks for the first page again with the ended session's token and caches the
    // signed-out customer's carts (invariant 5).
    name: 'a logout during a slow first "My carts" load: the merge reads the ended session\'s carts into the cache',
    program: {
      keepCartOnLogout: false,
      guestCartOnLogin: "merge",
      steps: [
        { kind: "mount", tab: "A", widget: "associate" },
        { kind: "mount", tab: "A", widget: "carts" },
        { kind: "latency", endpoint: "list-carts", ms: 45 },
        { kind: "setCart", tab: "A", cart: "guest" },
        { kind: "login", tab: "A", who: "A" },
        { kind: "wait", ms: 10 },
        { kind: "logout", tab: "A" },
      ],
    },
  },
  {
    // The same on main without "My carts" mounted, by hand (passes on this branch's base;
    // FAILS on main until fixed): the merge's own slow carts read, cancelled by the switch to
    // a customer, is sent again with the account member's ended session and caches the account's carts.
    name: "a session change during the merge's own slow carts read: sent again for the ended session",
    program: {
      keepCartOnLogout: false,
      guestCartOnLogin: "merge",
      steps: [
        { kind: "mount", tab: "A", widget: "accountAssociate" },
        { kind: "latency", endpoint: "list-carts", ms: 45 },
        { kind: "setCart", tab: "A", cart: "guest" },
        { kind: "accountLogin", tab: "A", who: "M" },
        { kind: "wait", ms: 10 },
        { kind: "login", tab: "A", who: "A" },
      ],
    },
  },
  {
    // fast-check on main's merge with the carts-read fix above (seed 7, 1000 programs), shrunk
    // by hand. FAILS here and on main until fixed, where there are no Web Locks (jsdom; the
    // package's fallback): A's merge is slow, A's tokens are revoked and A logs in again. The
    // new session's merge finds the pair in the merge record — claimed by the old session's
    // merge, still in the air — and gives up for good ("not merged again"); the old merge is
    // then refused (401: nothing copied) and released, too late. The guest cart stays current,
    // neither merged nor associated. (With Web Locks the new session waits for the old one.)
    name: "a re-login while the old session's merge is in the air: the new session never merges",
    program: {
      keepCartOnLogout: false,
      guestCartOnLogin: "merge",
      steps: [
        { kind: "mount", tab: "A", widget: "associate" },
        { kind: "login", tab: "A", who: "A" },
        { kind: "latency", endpoint: "add-items", ms: 20 },
        { kind: "setCart", tab: "A", cart: "guest2" },
        { kind: "expire", who: "A" },
        { kind: "login", tab: "A", who: "A" },
        { kind: "wait", ms: 30 },
      ],
    },
  },
  {
    // fast-check (seed 1, 200 programs) once same-pair runs queue within a page without Web
    // Locks, shrunk: a re-login of the same member and a customer login while the member's
    // second automatic call waits its turn. The call must not start for a session that ended
    // while it waited: its error would stay in the mutation cache, cleared of that shopper.
    name: "an automatic call whose session ended while it waited for the lock starts nothing",
    program: {
      keepCartOnLogout: false,
      guestCartOnLogin: "associate",
      steps: [
        { kind: "mount", tab: "A", widget: "accountAssociate" },
        { kind: "mount", tab: "A", widget: "accountCarts" },
        { kind: "accountLogin", tab: "A", who: "M" },
        { kind: "latency", endpoint: "associate-account", ms: 20 },
        { kind: "setCart", tab: "A", cart: "guest2" },
        { kind: "accountLogin", tab: "A", who: "M" },
        { kind: "wait", ms: 30 },
        { kind: "latency", endpoint: "associate", ms: 20 },
        { kind: "setCart", tab: "A", cart: "guest2" },
        { kind: "expire", who: "A" },
        { kind: "login", tab: "A", who: "A" },
        { kind: "wait", ms: 30 },
      ],
    },
  },
  {
    // fast-check (seed 3, 200 programs), shrunk: the member logs in again while the previous
    // session's association is settling. Its success waited for the member's lists — which,
    // loaded anew for the new session, waited for the new session's association, queued
    // behind the old one's lock: neither ever ended, and "My carts" showed nothing.
    name: "a re-login while the old session's association settles: the lists do not wait forever",
    program: {
      keepCartOnLogout: false,
      guestCartOnLogin: "associate",
      steps: [
        { kind: "mount", tab: "A", widget: "accountAssociate" },
        { kind: "latency", endpoint: "list-carts", ms: 20 },
        { kind: "mount", tab: "A", widget: "carts" },
        { kind: "expire", who: "A" },
        { kind: "accountLogin", tab: "A", who: "N" },
        { kind: "wait", ms: 30 },
        { kind: "unmount", tab: "A", index: 1 },
        { kind: "mount", tab: "A", widget: "accountInfinite" },
        { kind: "setCart", tab: "A", cart: "ofX" },
        { kind: "latency", endpoint: "associate", ms: 20 },
        { kind: "setCart", tab: "A", cart: "guest2" },
        { kind: "expire", who: "A" },
        { kind: "accountLogin", tab: "A", who: "N" },
        { kind: "wait", ms: 30 },
      ],
    },
  },
  {
    // fast-check, seed 1377444355 (64th program, shrunk), on a day two of three CI runs failed
    // by chance. The member's merge was answered 401 (their token had expired on its way): a
    // refused merge changes nothing, so once the cart had become another account's, the
    // association the policy asks for followed. The invariant, not the code, was wrong: it
    // counted a refused merge as a merge.
    name: "seed 1377444355: a merge refused with 401, then the same cart associated once it was another account's (a refused merge is no merge)",
    program: {
      keepCartOnLogout: true,
      guestCartOnLogin: "merge",
      steps: [
        { kind: "mount", tab: "A", widget: "accountAssociate" },
        { kind: "accountLogin", tab: "A", who: "M" },
        { kind: "latency", endpoint: "add-items", ms: 20 },
        { kind: "setCart", tab: "A", cart: "guest2" },
        { kind: "expire", who: "M" },
        { kind: "accountLogin", tab: "A", who: "N" },
        { kind: "wait", ms: 30 },
        { kind: "latency", endpoint: "access-token", ms: 0 },
        { kind: "mount", tab: "A", widget: "accountAssociate" },
        { kind: "fault", endpoint: "add-items", fault: { status: 429, retryAfter: "1" }, count: 1 },
        { kind: "setCart", tab: "A", cart: "guest" },
        { kind: "accountLogin", tab: "A", who: "M" },
        { kind: "wait", ms: 20 },
        { kind: "accountLogin", tab: "A", who: "M" },
        { kind: "wait", ms: 20 },
        { kind: "mount", tab: "A", widget: "associate" },
        { kind: "fault", endpoint: "add-items", fault: { status: 429, retryAfter: "1" }, count: 1 },
        { kind: "setCart", tab: "A", cart: "guest2" },
        { kind: "login", tab: "A", who: "A" },
        { kind: "wait", ms: 20 },
        { kind: "login", tab: "A", who: "A" },
        { kind: "wait", ms: 20 },
      ],
    },
  },
  {
    // fast-check, seed 1381820072 (109th program, shrunk): the same for a customer — merge
    // answered 401 after the token expired, association of the same cart later.
    name: "seed 1381820072: a customer's merge refused with 401, then the same cart associated (a refused merge is no merge)",
    program: {
      keepCartOnLogout: false,
      guestCartOnLogin: "merge",
      steps: [
        { kind: "mount", tab: "A", widget: "associate" },
        { kind: "fault", endpoint: "add-items", fault: { status: 429, retryAfter: "1" }, count: 1 },
        { kind: "setCart", tab: "A", cart: "guest" },
        { kind: "login", tab: "A", who: "A" },
        { kind: "wait", ms: 20 },
        { kind: "login", tab: "A", who: "A" },
        { kind: "wait", ms: 20 },
        { kind: "latency", endpoint: "add-items", ms: 20 },
        { kind: "setCart", tab: "A", cart: "guest2" },
        { kind: "expire", who: "A" },
        { kind: "accountLogin", tab: "A", who: "N" },
        { kind: "wait", ms: 30 },
        { kind: "mount", tab: "A", widget: "accountAssociate" },
        { kind: "fault", endpoint: "add-items", fault: { status: 429, retryAfter: "1" }, count: 1 },
        { kind: "setCart", tab: "A", cart: "guest2" },
        { kind: "accountLogin", tab: "A", who: "M" },
        { kind: "wait", ms: 20 },
        { kind: "accountLogin", tab: "A", who: "M" },
        { kind: "wait", ms: 20 },
        { kind: "mount", tab: "A", widget: "associate" },
        { kind: "fault", endpoint: "add-items", fault: { status: 429, retryAfter: "1" }, count: 1 },
        { kind: "setCart", tab: "A", cart: "guest" },
        { kind: "login", tab: "A", who: "A" },
        { kind: "wait", ms: 20 },
        { kind: "login", tab: "A", who: "A" },
        { kind: "wait", ms: 20 },
        { kind: "mount", tab: "A", widget: "associate" },
        { kind: "fault", endpoint: "add-items", fault: { status: 429, retryAfter: "1" }, count: 1 },
        { kind: "setCart", tab: "A", cart: "guest" },
        { kind: "login", tab: "A", who: "A" },
        { kind: "wait", ms: 20 },
        { kind: "setCart", tab: "A", cart: "guest2" },
        { kind: "setCart", tab: "A", cart: "guest" },
        { kind: "wait", ms: 20 },
      ],
    },
  },
  {
    // By hand, from the two seeds above, whose shrunk programs only fail when the expiry
    // lands while the merge is in the air (timing): here it always does. A member's merge
    // answered 401, the cart then another account's, the member back: associated.
    name: "a member's merge refused with 401 while in the air, then the cart associated once another account's (a refused merge is no merge)",
    program: {
      keepCartOnLogout: true,
      guestCartOnLogin: "merge",
      steps: [
        { kind: "mount", tab: "A", widget: "accountAssociate" },
        { kind: "accountLogin", tab: "A", who: "M" },
        { kind: "wait", ms: 30 },
        { kind: "latency", endpoint: "add-items", ms: 60 },
        { kind: "setCart", tab: "A", cart: "guest2" },
        { kind: "wait", ms: 15 },
        { kind: "expire", who: "M" },
        { kind: "wait", ms: 80 },
        { kind: "accountLogin", tab: "A", who: "N" },
        { kind: "wait", ms: 40 },
        { kind: "accountLogin", tab: "A", who: "M" },
        { kind: "wait", ms: 40 },
      ],
    },
  },
  {
    // By hand, as above, for a customer.
    name: "a customer's merge refused with 401 while in the air, then the cart associated once another shopper's (a refused merge is no merge)",
    program: {
      keepCartOnLogout: true,
      guestCartOnLogin: "merge",
      steps: [
        { kind: "mount", tab: "A", widget: "associate" },
        { kind: "mount", tab: "A", widget: "accountAssociate" },
        { kind: "login", tab: "A", who: "A" },
        { kind: "wait", ms: 30 },
        { kind: "latency", endpoint: "add-items", ms: 60 },
        { kind: "setCart", tab: "A", cart: "guest2" },
        { kind: "wait", ms: 15 },
        { kind: "expire", who: "A" },
        { kind: "wait", ms: 80 },
        { kind: "accountLogin", tab: "A", who: "N" },
        { kind: "wait", ms: 40 },
        { kind: "login", tab: "A", who: "A" },
        { kind: "wait", ms: 40 },
      ],
    },
  },
  {
    // By hand, confirmed failing before the fix: the customer logs in and out again before
    // Elastic Path answers the login; its answer signed them in after all.
    name: "a login answered after the logout starts no session (A login answered after a logout, an account switch or another login starts no session)",
    program: {
      keepCartOnLogout: false,
      steps: [
        { kind: "latency", endpoint: "customer-token", ms: 40 },
        { kind: "login", tab: "A", who: "A" },
        { kind: "logout", tab: "A" },
        { kind: "wait", ms: 60 },
      ],
    },
  },
  {
    // By hand, as above, for a member who logs in as one member, then as another, then out.
    name: "a member's two logins answered after the logout start no session (same commit)",
    program: {
      keepCartOnLogout: false,
      steps: [
        { kind: "latency", endpoint: "account-member-token", ms: 40 },
        { kind: "accountLogin", tab: "A", who: "M" },
        { kind: "accountLogin", tab: "A", who: "N" },
        { kind: "accountLogout", tab: "A" },
        { kind: "wait", ms: 60 },
      ],
    },
  },
  {
    // npm run explore, seed 936294586 (44th program, shrunk). Under "merge", the member's
    // token expired; the merge's lookup read the list (a 429) and the cart (a 401) side by
    // side, and the 429 won: the whole call was tried again with the refused token.
    name: "seed 936294586: a 401 beside a 429 in the merge's lookup is not tried again (The merge's lookup waits for both reads; a 401 wins over a 429)",
    program: {
      keepCartOnLogout: false,
      guestCartOnLogin: "merge",
      steps: [
        { kind: "mount", tab: "A", widget: "accountAssociate" },
        { kind: "fault", endpoint: "add-items", fault: { status: 429, retryAfter: "1" }, count: 1 },
        { kind: "setCart", tab: "A", cart: "guest2" },
        { kind: "accountLogin", tab: "A", who: "M" },
        { kind: "wait", ms: 20 },
        { kind: "accountLogout", tab: "A" },
        { kind: "setCart", tab: "A", cart: "guest2" },
        { kind: "accountLogin", tab: "A", who: "M" },
        { kind: "wait", ms: 20 },
        { kind: "selectAccount", tab: "A", account: 0 },
        { kind: "expire", who: "M" },
        { kind: "mount", tab: "A", widget: "associate" },
        {
          kind: "fault",
          endpoint: "list-carts",
          fault: { status: 429, retryAfter: "1" },
          count: 1,
        },
        { kind: "setCart", tab: "A", cart: "guest" },
        { kind: "login", tab: "A", who: "A" },
        { kind: "wait", ms: 20 },
        { kind: "login", tab: "A", who: "A" },
        { kind: "wait", ms: 20 },
      ],
    },
  },
  {
    // npm run explore, seed 549755140 (29th program, shrunk; it failed in about half of the
    // replays before the fix, by timing). Two re-logins of the member while the first
    // session's merge was answered 429: the first re-login's call, its session already over,
    // claimed the merge after it; the second found it claimed and never merged.
    name: "seed 549755140: a session that ended while waiting on a merge claims nothing (The merge checks the session after waiting)",
    program: {
      keepCartOnLogout: false,
      guestCartOnLogin: "merge",
      steps: [
        { kind: "latency", endpoint: "associate", ms: 20 },
        { kind: "setCart", tab: "A", cart: "guest2" },
        { kind: "expire", who: "A" },
        { kind: "accountLogin", tab: "A", who: "M" },
        { kind: "wait", ms: 30 },
        { kind: "latency", endpoint: "add-items", ms: 45 },
        { kind: "mount", tab: "A", widget: "accountAssociate" },
        { kind: "fault", endpoint: "add-items", fault: { status: 429, retryAfter: "1" }, count: 1 },
        { kind: "setCart", tab: "A", cart: "guest2" },
        { kind: "accountLogin", tab: "A", who: "M" },
        { kind: "wait", ms: 20 },
        { kind: "accountLogin", tab: "A", who: "M" },
        { kind: "wait", ms: 20 },
      ],
    },
  },
  {
    // Written by hand with the cart page (issue 24), confirmed failing (invariant 11) with the
    // add retried like a read: an add lost after Elastic Path applied it, then a reload and a
    // click in the other tab; one add per click, and the lost one is never sent again.
    name: "an add lost after applying is not sent again (The cart itself: adds never re-sent)",
    program: {
      keepCartOnLogout: false,
      steps: [
        { kind: "addItem", tab: "A", item: "product" },
        { kind: "wait", ms: 10 },
        {
          kind: "fault",
          endpoint: "add-items",
          fault: { status: 503, afterApplying: true },
          count: 1,
        },
        { kind: "addItem", tab: "A", item: "product" },
        { kind: "wait", ms: 20 },
        { kind: "reload", tab: "A" },
        { kind: "addItem", tab: "B", item: "custom" },
        { kind: "wait", ms: 20 },
      ],
    },
  },
  {
    // Written by hand (issue 24): a signed-in customer's first add, whose cart's creation is
    // answered with nothing although Elastic Path made the cart; then quick quantity clicks on
    // a slow line. No add follows the lost creation, and the clicks collapse.
    name: "a lost cart creation adds nothing, and quick clicks collapse (The cart itself)",
    program: {
      keepCartOnLogout: false,
      steps: [
        { kind: "login", tab: "A", who: "A" },
        { kind: "wait", ms: 10 },
        {
          kind: "fault",
          endpoint: "create-cart",
          fault: { network: true, afterApplying: true },
          count: 1,
        },
        { kind: "clearCart", tab: "A" },
        { kind: "addItem", tab: "A", item: "product" },
        { kind: "wait", ms: 10 },
        { kind: "addItem", tab: "A", item: "product" },
        { kind: "wait", ms: 10 },
        { kind: "latency", endpoint: "update-item", ms: 20 },
        { kind: "setQuantity", tab: "A", quantity: 2 },
        { kind: "setQuantity", tab: "A", quantity: 3 },
        { kind: "setQuantity", tab: "A", quantity: 0 },
        { kind: "wait", ms: 30 },
      ],
    },
  },
];
