"use client";
import { useActionState } from "react";
import { signIn, type SignInState } from "@/app/server/actions";

/** Login on the server: the form posts to a Server Action, which sets the session cookie. */
export function ServerLoginForm() {
  const [state, action, isPending] = useActionState<SignInState, FormData>(signIn, {});
  return (
    <form aria-labelledby="login" action={action}>
      <h1 id="login">Log in</h1>
      <label>
        Email{" "}
        <input
          name="email"
          type="email"
          autoComplete="username"
          defaultValue={state.email}
          required
        />
      </label>
      <label>
        Password <input name="password" type="password" autoComplete="current-password" required />
      </label>
      <button type="submit" disabled={isPending}>
        {isPending ? "Logging in…" : "Log in"}
      </button>
      {state.error && <p role="alert">{state.error}</p>}
    </form>
  );
}
