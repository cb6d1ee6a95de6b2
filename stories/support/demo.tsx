/**
 * What every story stands on, set up fresh for each one:
 * - `loadDemo` (a loader): clears what the package keeps in localStorage, starts a new fake
 *   Elastic Path (the handlers in `parameters.msw` answer with it), seeds the demo shoppers,
 *   and builds a real SDK client with its own in-memory token storage and a new QueryClient;
 * - `prepareDemo` (a `beforeEach`, so msw is running): the guest cart the story starts
 *   with, made through the SDK;
 * - `withDemo` (a decorator): the provider tree, fault injection from the story's args, and
 *   the request log.
 * Against a real store (see realStore.ts) there is no fake: no seeding, no faults, no log.
 */
import { createShopperClient, type Client } from "@epcc-sdk/sdks-shopper";
import type { Decorator, StoryContext } from "@storybook/react-vite";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createContext, Fragment, StrictMode, useContext, useState, type ReactNode } from "react";
import { ElasticPathProvider, type GuestCartOnLogin } from "../../src";
import type { FakeCustomer, FakeElasticPath } from "../../src/testing";
import { retireFake, startFreshFake } from "./fakeHandlers";
import { useFakeControls, type DemoArgs } from "./fakeControls";
import { fillGuestCart, type CustomItem } from "./guestCart";
import { DEMO_SHOPPER, OTHER_SHOPPER, type DemoPerson } from "./people";
import { realStore } from "./realStore";
import { expectCaption } from "./play";
import { RequestLog } from "./RequestLog";
import { StoryCaption, type Caption } from "./StoryCaption";

/** The localStorage keys the package uses (session, cart id, association ledger). */
const PACKAGE_STORAGE_KEYS = [
  "_epcc_customer_session",
  "_epcc_account_session",
  "_store_ep_cart",
  "_epcc_associated_carts",
];

export type SeededPerson = FakeCustomer & DemoPerson;

export interface Demo {
  /** The story's own fake Elastic Path; absent against a real store. */
  fake?: FakeElasticPath;
  client: Client;
  queryClient: QueryClient;
  /** The shopper whose credentials the login form shows (fake only). */
  shopper?: SeededPerson;
  /** Another customer of the same store (fake only). */
  other?: SeededPerson;
  /** The cart this device holds when the story starts: from the seed, or made by `prepareDemo`. */
  initialCartId?: string;
  /** `Date.now()` when the story's fake was created: the request log's time zero. */
  startedAt: number;
}

/** A demo on the fake, as play functions see it. */
export type FakeDemo = Demo & Required<Pick<Demo, "fake" | "shopper" | "other">>;

/** What a seed may return: the id of the cart this device holds when the story starts. */
type SeedResult = { cartId?: string } | void;

export interface DemoParameters {
  /** Data put straight into the fake (no requests); may return the cart this device starts with. */
  seed?(fake: FakeElasticPath, people: { shopper: SeededPerson; other: SeededPerson }): SeedResult;
  /**
   * A guest cart holding these items, made through the SDK before the story renders.
   * `null` for none (story parameters merge into the meta's, and `undefined` is skipped).
   */
  guestCart?: { items: CustomItem[]; contactEmail?: string } | null;
  /** The story needs the fake (faults, seeded data): against a real store it shows a note instead. */
  fakeOnly?: boolean;
  /** Render the app in `<StrictMode>`, as most React apps run in development. Default `true`. */
  strictMode?: boolean;
  /** The line above the story: what it shows and what to try. Every story needs one. */
  caption?: Caption;
  /** A "Start over as a guest" button in the caption (storefront stories). */
  startOver?: boolean;
  /** The provider's `guestCartOnLogin`; its default (`"associate"`) when left out. */
  guestCartOnLogin?: GuestCartOnLogin;
}

function memoryTokenStorage() {
  let value: string | undefined;
  return {
    get: () => value,
    set: (next?: string) => {
      value = next;
    },
  };
}

/** The app's QueryClient: fresh per story, so nothing cached survives into the next one. */
function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // TanStack's default of 3 retries stays (the package never retries a 4xx); the
        // stories are about behaviour, not backoff timing, so retries come after 100 ms.
        retryDelay: 100,
        // Every request in a story comes from something the shopper did, so the request
        // log (and the play functions' counts) never depend on where the focus went.
        refetchOnWindowFocus: false,
      },
    },
  });
}

function parametersOf(context: StoryContext): DemoParameters {
  return (context.parameters.demo as DemoParameters | undefined) ?? {};
}

export function loadDemo(context: StoryContext): { demo: Demo } {
  for (const key of PACKAGE_STORAGE_KEYS) localStorage.removeItem(key);
  const queryClient = createQueryClient();
  const startedAt = Date.now();
  // Each story's SDK client keeps its implicit token in memory, never in shared storage.
  const storage = memoryTokenStorage();

  if (realStore) {
    const { client } = createShopperClient(
      { baseUrl: realStore.baseUrl },
      { clientId: realStore.clientId, storage },
    );
    return { demo: { client, queryClient, startedAt } };
  }

  const fake = startFreshFake();
  const shopper = { ...DEMO_SHOPPER, ...fake.seedCustomer(DEMO_SHOPPER) };
  const other = { ...OTHER_SHOPPER, ...fake.seedCustomer(OTHER_SHOPPER) };
  const seeded = parametersOf(context).seed?.(fake, { shopper, other });
  const { client } = createShopperClient(
    { baseUrl: fake.baseUrl },
    { clientId: fake.clientId, storage },
  );
  return {
    demo: { fake, client, queryClient, shopper, other, startedAt, initialCartId: seeded?.cartId },
  };
}

export function demoOf(context: Pick<StoryContext, "loaded">): Demo {
  const demo = context.loaded.demo as Demo | undefined;
  if (!demo) throw new Error("No demo loaded: is loadDemo in .storybook/preview's loaders?");
  return demo;
}

/**
 * Runs after every loader, so msw answers by now: what the shopper did before the story.
 * Returns the story's teardown.
 */
export async function prepareDemo(context: StoryContext): Promise<() => void> {
  const { guestCart, fakeOnly } = parametersOf(context);
  const demo = demoOf(context);
  const teardown = () => {
    // Nothing of this story keeps running into the next one: queries stop, the cache goes.
    void demo.queryClient.cancelQueries();
    demo.queryClient.clear();
    if (demo.fake) retireFake(demo.fake);
  };
  if (guestCart && !(fakeOnly && !demo.fake)) {
    demo.initialCartId = await fillGuestCart(demo.client, guestCart.items, {
      contactEmail: guestCart.contactEmail,
    });
  }
  return teardown;
}

const DemoContext = createContext<Demo | undefined>(undefined);

/** The story's demo (fake, client, shoppers) for components inside a story. */
export function useDemo(): Demo {
  const demo = useContext(DemoContext);
  if (!demo) throw new Error("useDemo must be used inside a story decorated with withDemo.");
  return demo;
}

function DemoRoot({
  demo,
  args,
  parameters,
  children,
}: {
  demo: Demo;
  args: DemoArgs;
  parameters: DemoParameters;
  children: ReactNode;
}) {
  // Outside StrictMode on purpose: injected faults are queued once, as the args say.
  useFakeControls(demo.fake, args);
  // The cart id is controlled here (the provider's `cartId` prop), starting with the guest cart.
  const [cartId, setCartId] = useState(demo.initialCartId);
  // Bumped by "Start over as a guest": the story's components mount afresh.
  const [mounts, setMounts] = useState(0);
  const { caption } = parameters;
  if (!caption) {
    throw new Error("Every story says what it shows: set parameters.demo.caption.");
  }

  const app = (
    <QueryClientProvider client={demo.queryClient}>
      <ElasticPathProvider
        client={demo.client}
        cartId={cartId}
        onCartIdChange={setCartId}
        guestCartOnLogin={parameters.guestCartOnLogin}
      >
        <StoryCaption
          caption={caption}
          startOver={parameters.startOver ? (parameters.guestCart ?? null) : undefined}
          onStartedOver={() => setMounts((count) => count + 1)}
        />
        <Fragment key={mounts}>{children}</Fragment>
      </ElasticPathProvider>
    </QueryClientProvider>
  );
  let content: ReactNode = parameters.strictMode === false ? app : <StrictMode>{app}</StrictMode>;
  if (parameters.fakeOnly && !demo.fake) {
    content = (
      <main className="demo-note">
        <h1>This story needs the fake Elastic Path</h1>
        <p>
          It injects faults or seeds data, which a real store cannot do. Unset VITE_EP_CLIENT_ID and
          VITE_EP_BASE_URL to run it.
        </p>
      </main>
    );
  }
  return (
    <DemoContext.Provider value={demo}>
      <div className="demo">
        {content}
        <RequestLog fake={demo.fake} startedAt={demo.startedAt} />
      </div>
    </DemoContext.Provider>
  );
}

export const withDemo: Decorator = (Story, context) => (
  <DemoRoot
    demo={demoOf(context)}
    args={context.args as unknown as DemoArgs}
    parameters={parametersOf(context)}
  >
    <Story />
  </DemoRoot>
);

/** Play functions assert on the fake's data and requests; against a real store they step aside. */
export function onTheFake(
  play: (context: StoryContext<DemoArgs>, demo: FakeDemo) => Promise<void>,
): (context: StoryContext<DemoArgs>) => Promise<void> {
  return async (context) => {
    const demo = demoOf(context);
    if (!demo.fake || !demo.shopper || !demo.other) return;
    await play(context, demo as FakeDemo);
    // The story ends as its caption says (each story checks the caption's numbers itself).
    const { caption } = parametersOf(context as unknown as StoryContext);
    if (caption) await expectCaption(context, caption);
  };
}
