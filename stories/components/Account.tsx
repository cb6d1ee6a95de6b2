import { useState, type FormEvent } from "react";
import { useCustomerLogin, useCustomerLogout, useCustomerSession } from "../../src";
import { useDemo } from "../support/demo";

/**
 * Login form while signed out; who is signed in, and a logout button, after. When the
 * session ends without the shopper logging out (the token expired or was refused), it
 * says so, as a storefront should.
 */
export function Account() {
  const session = useCustomerSession();
  const logout = useCustomerLogout();
  const { shopper, other } = useDemo();
  // Why the last session ended: only a change the shopper did not ask for needs a word.
  const [loggingOut, setLoggingOut] = useState(false);
  const [endedUnasked, setEndedUnasked] = useState(false);
  const [lastStatus, setLastStatus] = useState(session.status);
  if (session.status !== lastStatus) {
    setLastStatus(session.status);
    setEndedUnasked(session.status === "signed-out" && !loggingOut);
    setLoggingOut(false);
  }

  const signedInAs =
    session.status === "signed-in"
      ? ([shopper, other].find((person) => person?.id === session.customerId)?.name ??
        `customer ${session.customerId}`)
      : undefined;

  return (
    <section className="panel" aria-labelledby="account-heading">
      <h2 id="account-heading">Account</h2>
      {endedUnasked && (
        <p role="alert" className="notice notice-error">
          You were signed out: Elastic Path no longer accepts your session (it expired or was
          revoked). Log in again to see your saved carts.
        </p>
      )}
      {signedInAs ? (
        <>
          <p>Signed in as {signedInAs}.</p>
          <button
            type="button"
            onClick={() => {
              setLoggingOut(true);
              logout();
            }}
          >
            Log out
          </button>
        </>
      ) : (
        <LoginForm />
      )}
    </section>
  );
}

function LoginForm() {
  const login = useCustomerLogin();
  const { shopper } = useDemo();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate({ email, password });
  };
  return (
    <form onSubmit={submit} className="login-form" aria-describedby="demo-credentials">
      <p id="demo-credentials" className="muted">
        {shopper ? (
          <>
            Demo shopper: <code>{shopper.email}</code>, password <code>{shopper.password}</code>
          </>
        ) : (
          "Log in with a customer account of your store."
        )}
      </p>
      <label>
        Email
        <input
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
      </label>
      <label>
        Password
        <input
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
      </label>
      <button type="submit" disabled={login.isPending}>
        {login.isPending ? "Logging in…" : "Log in"}
      </button>
      {login.error && (
        <p role="alert" className="notice notice-error">
          {login.error.status === 401 ? "Wrong email or password." : login.error.message}
        </p>
      )}
    </form>
  );
}
