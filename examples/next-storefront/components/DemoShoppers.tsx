import { DEMO_SHOPPERS, store } from "@/lib/store";

/** The fake's shoppers, shown so anyone can log in; nothing is shown for a real store. */
export function DemoShoppers() {
  if (store.kind !== "fake") return null;
  return (
    <aside className="demo-logins" aria-label="Demo logins">
      <p>The fake Elastic Path knows these shoppers:</p>
      <ul>
        {DEMO_SHOPPERS.map((shopper) => (
          <li key={shopper.email}>
            {shopper.name}: <code>{shopper.email}</code> / <code>{shopper.password}</code>
          </li>
        ))}
      </ul>
    </aside>
  );
}
