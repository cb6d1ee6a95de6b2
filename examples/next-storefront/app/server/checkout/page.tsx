import { Checkout } from "@/components/Checkout";

export default function CheckoutPage() {
  return <Checkout base="/server" />;
}
