import { BrowserLoginForm } from "@/components/BrowserLoginForm";
import { DemoShoppers } from "@/components/DemoShoppers";

export default function LoginPage() {
  return (
    <>
      <BrowserLoginForm base="/browser" />
      <DemoShoppers />
    </>
  );
}
