import { Account } from "./Account";
import { MyCarts, type MyCartsProps } from "./MyCarts";

/** The account page of the storefront: login, then "My carts". */
export function AccountPage(props: MyCartsProps) {
  return (
    <main>
      <h1>Your account</h1>
      <Account />
      <MyCarts {...props} />
    </main>
  );
}
