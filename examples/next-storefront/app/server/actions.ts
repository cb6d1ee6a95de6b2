"use server";
/**
 * The server-side login, as Composable Frontend does it: a Server Action asks Elastic Path
 * for a customer token and keeps it in an httpOnly cookie. Logout deletes the cookie.
 */
import { redirect } from "next/navigation";
import { clearSession, saveSession } from "@/lib/server/cookieSession";
import { serverClient } from "@/lib/server/elasticPath";

export interface SignInState {
  /** A sentence for the form; never a token or a password. */
  error?: string;
  email?: string;
}

/** The 200 body of `POST /v2/customers/tokens`; the SDK has no function for this endpoint. */
interface CustomerTokenResponse {
  data?: { customer_id?: unknown; token?: unknown; expires?: unknown };
}

export async function signIn(_previous: SignInState, form: FormData): Promise<SignInState> {
  const email = String(form.get("email") ?? "").trim();
  const password = String(form.get("password") ?? "");
  if (!email.includes("@") || password === "") {
    return { error: "Enter your email address and your password.", email };
  }
  const { data, response } = await serverClient().post<CustomerTokenResponse, unknown, false>({
    url: "/v2/customers/tokens",
    body: { data: { type: "token", email, password, authentication_mechanism: "password" } },
  });
  if (response.status === 401) return { error: "Wrong email or password.", email };
  const { customer_id, token, expires } = data?.data ?? {};
  if (
    !response.ok ||
    typeof customer_id !== "string" ||
    typeof token !== "string" ||
    typeof expires !== "number"
  ) {
    return { error: `Logging in failed (HTTP ${response.status}). Try again.`, email };
  }
  await saveSession({ customerId: customer_id, token, expiresAt: expires * 1000 });
  redirect("/server/my-carts");
}

export async function signOut(): Promise<void> {
  await clearSession();
}
