import { Cart } from "@/components/Cart";

export default function CartPage() {
  return <Cart base="/browser" />;
}
