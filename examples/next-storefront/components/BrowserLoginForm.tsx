"use client";
import { useCustomerLogin } from "epcc-react-hooks";
import { useRouter } from "next/navigation";

/** Login with the package's own hook: the browser asks Elastic Path, the package keeps the session. */
export function BrowserLoginForm({ base }: { base: string }) {
  const router = useRouter();
  const login = useCustomerLogin({ onSuccess: () => router.push(`${base}/my-carts`) });
  return (
    <form
      aria-labelledby="login"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        login.mutate({ email: String(form.get("email")), password: String(form.get("password")) });
      }}
    >
      <h1 id="login">Log in</h1>
      <label>
        Email <input name="email" type="email" autoComplete="username" required />
      </label>
      <label>
        Password <input name="password" type="password" autoComplete="current-password" required />
      </label>
      <button type="submit" disabled={login.isPending}>
        {login.isPending ? "Logging in…" : "Log in"}
      </button>
      {login.error && (
        <p role="alert">
          {login.error.status === 401 ? "Wrong email or password." : login.error.message}
        </p>
      )}
    </form>
  );
}
