import Link from "next/link";

export default function Home() {
  return (
    <main>
      <h1>One storefront, two ways to log in</h1>
      <p>
        Both storefronts below are the same shop: the same products and the same guest cart (kept
        where Elastic Path&apos;s SDK keeps it, in <code>localStorage</code>). They differ in who
        logs the shopper in and keeps the session.
      </p>
      <ul>
        <li>
          <Link href="/browser">Logged in by the browser</Link>: the package&apos;s own{" "}
          <code>useCustomerLogin</code> and <code>useCustomerLogout</code>; the session is kept by{" "}
          <code>ElasticPathProvider</code> in <code>localStorage</code>. The server renders every
          page signed out, and the browser signs in as it hydrates.
        </li>
        <li>
          <Link href="/server">Logged in by the server</Link>: a Server Action logs the shopper in
          and keeps the customer token in an httpOnly cookie; the layout passes the session to{" "}
          <code>ElasticPathProvider</code> (controlled). Pages render signed in on the server, and
          &quot;My carts&quot; is prefetched there with <code>cartQueries</code>.
        </li>
      </ul>
      <p>
        Either way, <code>useAssociateCartWithCustomer</code> ties the guest cart to the customer
        after the login, once.
      </p>
    </main>
  );
}
