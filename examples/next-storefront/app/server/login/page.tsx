import { DemoShoppers } from "@/components/DemoShoppers";
import { ServerLoginForm } from "@/components/ServerLoginForm";

export default function LoginPage() {
  return (
    <>
      <ServerLoginForm />
      <DemoShoppers />
    </>
  );
}
