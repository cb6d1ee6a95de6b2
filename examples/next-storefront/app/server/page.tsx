import { Products } from "@/components/Products";

export default function ProductPage() {
  return <Products />;
}
