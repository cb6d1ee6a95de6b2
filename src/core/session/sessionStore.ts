import { requireSafeId } from "../errors/validate";
import type { StorageAdapter } from "./storage";
import {
  isLive,
  SIGNED_OUT,
  sessionKinds,
  type AnySession,
  type Shopper,
  type ShopperKind,
} from "./sessionKind";

/** One value the store keeps: controlled by the app (props), or kept in storage by the package. */
export interface Slot<Value> {
  controlled: boolean;
  /** The controlled value. */
  value?: Value;
  /** Told the next value, in controlled mode; the app passes it back down. */
  onChange?: (value: Value) => void;
  /** Where the value is kept when not controlled. */
  storage: StorageAdapter;
}

/** What the provider hands the store each time it commits. */
export interface SessionStoreConfig {
  customer: Slot<AnySession>;
  account: Slot<AnySession>;
  cartId: Slot<string | undefined>;
  keepCartOnLogout: boolean;
}

/**
 * What a render reads the session from: the slots as the provider rendered them, without
 * their callbacks (which only writes use, from the committed config).
 */
export type SessionView = Record<Key, Pick<Slot<unknown>, "controlled" | "value" | "storage">>;

export interface SessionSnapshot {
  /** Live sessions: an expired one already reads as signed-out. */
  customer: AnySession;
  account: AnySession;
  cartId: string | undefined;
  /** Whoever is signed in: one shopper at a time. */
  shopper: Shopper | undefined;
}

/** Told when the shopper changes: `previous` ended or got a new token (a new login). */
export type ShopperListener = (previous: Shopper | undefined, current: Shopper | undefined) => void;

// Timers cannot wait longer than this; a session that outlives it is checked again then.
const MAX_TIMER_MS = 2 ** 31 - 1;
const KINDS: readonly ShopperKind[] = ["customer", "account"];

/** A stored session is user-editable text: anything that is not a valid session reads as signed out. */
function parseSession(kind: ShopperKind, raw: string | undefined): AnySession {
  const sessionKind = sessionKinds[kind];
  if (!raw || !sessionKind) return SIGNED_OUT;
  try {
    return sessionKind.check("session", { ...JSON.parse(raw), status: "signed-in" });
  } catch {
    return SIGNED_OUT;
  }
}

function serializeSession(session: AnySession): string | undefined {
  if (session.status !== "signed-in") return undefined;
  // Stored without `status`: only a signed-in session is ever stored.
  return JSON.stringify({ ...session, status: undefined });
}

/** A cart id from storage, which anyone can edit: one that could not be sent reads as no cart. */
function sendableOrNothing(storedCartId: string | undefined): string | undefined {
  try {
    return storedCartId ? requireSafeId("cartId", storedCartId) : undefined;
  } catch {
    return undefined;
  }
}

type Key = ShopperKind | "cartId";

/**
 * The shopper's session(s) and the current cart id, outside React: the provider hands it its
 * props, hooks read it with `useSyncExternalStore`, and the domains that cache a shopper's
 * data (`onShopperChange`) clean up after themselves when a session ends — by logout, expiry,
 * a 401, another login, another tab or a controlling parent alike.
 */
export class SessionStore {
  /**
   * The props of the provider's last commit: what callbacks that outlive a render read and
   * write. Never the props of a render in progress, which React may still throw away (a
   * transition that suspends); renders read their own props, from context (`getSnapshot`).
   */
  #config: SessionStoreConfig;
  /**
   * Values written while controlled: callbacks that outlive a render read them until the app
   * passes its next props down (which win, as with any controlled input).
   */
  readonly #written = new Map<Key, unknown>();
  readonly #listeners = new Set<() => void>();
  readonly #shopperListeners = new Set<ShopperListener>();
  #mounted = false;
  /**
   * Per view, the last snapshot read from storage (`true`) and without it (`false`, the
   * server's), with what it was made of.
   */
  readonly #snapshots = new WeakMap<
    SessionView,
    Map<boolean, { snapshot: SessionSnapshot; inputs: unknown[] }>
  >();
  /**
   * The snapshot subscribers were last told about. Not the cached one: a render reading the
   * provider's new props (`getSnapshot`) refreshes that cache first, and a component that
   * was not re-rendered would then never hear of the change.
   */
  #published: SessionSnapshot | undefined;
  #shopper: Shopper | undefined;
  #expiryTimer: ReturnType<typeof setTimeout> | undefined;
  /**
   * Counts what the shopper asked for — a login, a logout, an account switch — so that a
   * login answered after a later wish (the shopper logged out, or in as someone else,
   * before Elastic Path answered) starts no session: they end up as they last asked.
   */
  #wishes = 0;

  constructor(config: SessionStoreConfig) {
    this.#config = config;
  }

  /**
   * Takes the props of the provider's commit, and tells subscribers what they changed
   * (`commit`). Called once React committed them, never during a render.
   */
  configure(config: SessionStoreConfig): void {
    const previous = this.#config;
    this.#config = config;
    // A value written while controlled counts until the app passes that slot's next props
    // down: a commit that leaves them as they were (the app still saving) keeps it.
    for (const key of ["customer", "account", "cartId"] as const) {
      const [before, now] = [previous[key], config[key]];
      if (before.controlled !== now.controlled || before.value !== now.value) {
        this.#written.delete(key);
      }
    }
    this.commit();
  }

  subscribe = (onChange: () => void): (() => void) => {
    this.#listeners.add(onChange);
    return () => this.#listeners.delete(onChange);
  };

  /** Tells `listener` whenever the shopper changes; returns the unsubscribe. */
  onShopperChange(listener: ShopperListener): () => void {
    this.#shopperListeners.add(listener);
    return () => this.#shopperListeners.delete(listener);
  }

  /**
   * Starts following storage (other tabs) and session expiry, and reports the shopper found
   * there; returns the stop. Until then (server rendering, hydration) storage is not read.
   */
  mount(): () => void {
    const { customer, account, cartId } = this.#config;
    const stops = [customer, account, cartId].map((slot) => slot.storage.subscribe?.(this.commit));
    this.#mounted = true;
    this.commit();
    return () => {
      this.#mounted = false;
      clearTimeout(this.#expiryTimer);
      stops.forEach((stop) => stop?.());
    };
  }

  /**
   * What renders: the props' values where controlled, else storage's. A render passes the
   * view it was given (the props it renders with); without one, the committed props.
   */
  getSnapshot = (view: SessionView = this.#config): SessionSnapshot =>
    this.#read(this.#mounted, view);

  /** What the server renders, and the client hydrates from: controlled values only. */
  getServerSnapshot = (view: SessionView = this.#config): SessionSnapshot =>
    this.#read(false, view);

  /**
   * The latest values, for callbacks that outlive a render: what the package wrote counts at
   * once, before a controlling app has passed it back down.
   */
  latest(): SessionSnapshot {
    return this.#compute(this.#mounted, true, Date.now());
  }

  /** A value as given: written (when asked for), controlled, or stored text (parsed below). */
  #input(
    key: Key,
    fromStorage: boolean,
    withWritten = false,
    view: SessionView = this.#config,
  ): unknown {
    if (withWritten && this.#written.has(key)) return this.#written.get(key);
    const slot = view[key];
    if (slot.controlled) return slot.value;
    return fromStorage ? slot.storage.get() : undefined;
  }

  /** The session as given, before the expiry check; a controlled one is checked like any input. */
  #given(
    kind: ShopperKind,
    fromStorage = this.#mounted,
    withWritten = false,
    view: SessionView = this.#config,
  ): AnySession {
    const value = this.#input(kind, fromStorage, withWritten, view);
    if (!view[kind].controlled) return parseSession(kind, value as string | undefined);
    const sessionKind = sessionKinds[kind];
    return value !== undefined && sessionKind
      ? sessionKind.check(kind === "customer" ? "session" : "accountSession", value)
      : SIGNED_OUT;
  }

  #read(fromStorage: boolean, view: SessionView): SessionSnapshot {
    const inputs = [
      this.#input("customer", fromStorage, false, view),
      this.#input("account", fromStorage, false, view),
      this.#input("cartId", fromStorage, false, view),
      sessionKinds.account,
    ];
    const now = Date.now();
    // The same inputs give the same object, as useSyncExternalStore requires, until it expires.
    let snapshots = this.#snapshots.get(view);
    if (!snapshots) this.#snapshots.set(view, (snapshots = new Map()));
    const cached = snapshots.get(fromStorage);
    if (
      cached &&
      inputs.every((input, index) => input === cached.inputs[index]) &&
      (!cached.snapshot.shopper || cached.snapshot.shopper.expiresAt > now)
    ) {
      return cached.snapshot;
    }
    const snapshot = this.#compute(fromStorage, false, now, view);
    snapshots.set(fromStorage, { snapshot, inputs });
    return snapshot;
  }

  #compute(
    fromStorage: boolean,
    withWritten: boolean,
    now: number,
    view: SessionView = this.#config,
  ): SessionSnapshot {
    const live = (kind: ShopperKind) => {
      const session = this.#given(kind, fromStorage, withWritten, view);
      return isLive(session, now) ? session : SIGNED_OUT;
    };
    const customer = live("customer");
    const account = live("account");
    const storedCartId = this.#input("cartId", fromStorage, withWritten, view) as
      string | undefined;
    // A controlled cart id is checked like any input; a stored one may have been edited by anyone.
    const cartId = view.cartId.controlled
      ? storedCartId === undefined
        ? undefined
        : requireSafeId("cartId", storedCartId)
      : sendableOrNothing(storedCartId);
    // One shopper at a time: Elastic Path does not take customer and account tokens together.
    const shopper =
      account.status === "signed-in"
        ? sessionKinds.account?.shopperOf(account)
        : customer.status === "signed-in"
          ? sessionKinds.customer?.shopperOf(customer)
          : undefined;
    return { customer, account, cartId, shopper };
  }

  /**
   * Tells the shopper's listeners when a session ended or started, then subscribers what
   * changed since they last read. A session found expired is signed out, as by a logout.
   */
  commit = (): void => {
    const snapshot = this.getSnapshot();
    if (this.#mounted) {
      for (const kind of KINDS) {
        // What was written counts: a controlled parent passes the signed-out session down
        // later, and checking its props again would sign out again, without end.
        const given = this.#given(kind, true, true);
        if (given.status === "signed-in" && !isLive(given)) return this.signOut(kind);
      }
      clearTimeout(this.#expiryTimer);
      const expiresAt = snapshot.shopper?.expiresAt;
      if (expiresAt !== undefined) {
        this.#expiryTimer = setTimeout(this.commit, Math.min(expiresAt - Date.now(), MAX_TIMER_MS));
      }
    }
    const previous = this.#shopper;
    // A token belongs to one shopper: a new token is a new session (or another shopper).
    if (previous?.token !== snapshot.shopper?.token) {
      this.#shopper = snapshot.shopper;
      this.#shopperListeners.forEach((listener) => listener(previous, snapshot.shopper));
    }
    if (snapshot !== this.#published) {
      this.#published = snapshot;
      this.#listeners.forEach((listener) => listener());
    }
  };

  #write(key: Key, value: AnySession | string | undefined): void {
    const slot = this.#config[key] as Slot<unknown>;
    if (slot.controlled) {
      this.#written.set(key, value);
      slot.onChange?.(value);
    } else {
      slot.storage.set(typeof value === "object" ? serializeSession(value) : value);
    }
  }

  /**
   * A login is about to be sent: returns its ticket, which `signIn` needs. Any login still
   * in the air is now out of date: the shopper's latest wish is this one.
   */
  startLogin(): number {
    return ++this.#wishes;
  }

  /** Whether the login with this ticket is still the shopper's latest wish. */
  isLatestWish(ticket: number | undefined): boolean {
    return ticket === this.#wishes;
  }

  /**
   * Starts a session after login, ending any other shopper's: one shopper at a time. A
   * login the shopper has since overridden (by a logout, another login or an account
   * switch) starts nothing; returns whether the session started.
   */
  signIn(kind: ShopperKind, session: AnySession, ticket: number | undefined): boolean {
    if (!this.isLatestWish(ticket)) return false;
    const before = this.latest().shopper;
    for (const other of KINDS) {
      if (other !== kind && this.#given(other, this.#mounted, true).status === "signed-in") {
        this.#write(other, SIGNED_OUT);
      }
    }
    this.#write(kind, session);
    // Another shopper's session ended with this login: their cart goes with it, as on a
    // logout, or the next shopper would take it over. The same shopper again keeps it.
    const after = sessionKinds[kind]?.shopperOf(session as never);
    const anotherShopper = before && (before.kind !== after?.kind || before.id !== after.id);
    if (anotherShopper && !this.#config.keepCartOnLogout) this.#write("cartId", undefined);
    this.commit();
    return true;
  }

  /**
   * The shopper logs out: the session ends, and a login still in the air will not start
   * one when its answer lands.
   */
  logOut(kind: ShopperKind): void {
    this.#wishes++;
    this.signOut(kind);
  }

  /** The member switches to another of their accounts: a login still in the air is overridden. */
  switchAccount(session: AnySession): void {
    this.#wishes++;
    this.replace("account", session);
  }

  /** Ends the session (logout, expiry, a 401); the cart goes too unless `keepCartOnLogout`. */
  signOut = (kind: ShopperKind): void => this.replace(kind, SIGNED_OUT);

  /**
   * Replaces a signed-in session with another, or with none: an account switch, or a
   * logout. The cart was tied to the shopper, so a shared device must not keep showing it,
   * unless the app asked to keep it (`keepCartOnLogout`).
   */
  replace(kind: ShopperKind, session: AnySession): void {
    // Only a session that ends takes the cart along: a logout of the other kind, or of
    // nobody, leaves the current shopper's (or the guest's) cart alone.
    const ended = this.#given(kind, this.#mounted, true).status === "signed-in";
    this.#write(kind, session);
    if (ended && !this.#config.keepCartOnLogout) this.#write("cartId", undefined);
    this.commit();
  }

  /**
   * Whether the session a call was made in is still the one signed in: a logout, an expiry,
   * an account switch or a new login (even of the same shopper) ends it. Whatever outlives a
   * session — a late answer, a retry — asks this before it sends or writes anything.
   */
  isCurrent(shopper: { token: string } | undefined): boolean {
    return shopper !== undefined && this.latest().shopper?.token === shopper.token;
  }

  /**
   * The one place a refused token ends a session: only if it is still the current shopper's,
   * since a late 401 for an older token must not end the shopper's next session.
   */
  signOutIfCurrent(token: string): void {
    const shopper = this.latest().shopper;
    if (shopper?.token === token) this.signOut(shopper.kind);
  }

  /**
   * The package's one 401 rule, around any request made with a shopper's `token`: its
   * failure is passed on, and a 401 ends that session first (if it is still the current one).
   */
  signOutOn401<Result>(token: string | undefined, request: Promise<Result>): Promise<Result> {
    return request.catch((error: unknown) => {
      if (token && (error as { status?: unknown } | null)?.status === 401) {
        this.signOutIfCurrent(token);
      }
      throw error;
    });
  }

  /**
   * Whether `shopper` (a customer, or an account) is still the one signed in — in the same
   * session or a new one of theirs: only then is what was done for them written into their
   * cached lists, which a logout or another shopper's login has removed.
   */
  isShopper(shopper: { kind: ShopperKind; id: string } | undefined): boolean {
    const current = this.latest().shopper;
    return shopper !== undefined && current?.kind === shopper.kind && current.id === shopper.id;
  }

  /** Sets the current cart; an id that could not be sent is refused, and the old one kept. */
  setCartId = (next: string | undefined): void => {
    this.#write("cartId", next === undefined ? undefined : requireSafeId("cartId", next));
    this.commit();
  };
}
