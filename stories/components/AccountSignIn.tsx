import { useState, type FormEvent } from "react";
import { useAccountLogin, useAccountLogout, useAccountSession } from "../../src";
import type { DemoAccountMember } from "../support/b2b";

export interface AccountSignInProps {
  /** The store's password profile, where members' usernames and passwords live. */
  passwordProfileId: string;
  /** The demo member whose credentials the form shows, and whose name it greets. */
  member?: DemoAccountMember;
}

/**
 * Account Management sign-in: a username and password form (`useAccountLogin`) while
 * signed out; who is signed in, and a sign-out button (`useAccountLogout`), after.
 */
export function AccountSignIn({ passwordProfileId, member }: AccountSignInProps) {
  const session = useAccountSession();
  const logout = useAccountLogout();
  const signedInAs =
    session.status === "signed-in"
      ? session.accountMemberId === member?.id
        ? member.name
        : `account member ${session.accountMemberId}`
      : undefined;

  return (
    <section className="panel" aria-labelledby="account-sign-in-heading">
      <h2 id="account-sign-in-heading">Account member</h2>
      {signedInAs ? (
        <>
          <p>Signed in as {signedInAs}.</p>
          <button type="button" onClick={logout}>
            Sign out
          </button>
        </>
      ) : (
        <SignInForm passwordProfileId={passwordProfileId} member={member} />
      )}
    </section>
  );
}

function SignInForm({ passwordProfileId, member }: AccountSignInProps) {
  const login = useAccountLogin();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate({ passwordProfileId, username, password });
  };
  return (
    <form onSubmit={submit} className="login-form" aria-describedby="account-demo-credentials">
      <p id="account-demo-credentials" className="muted">
        {member ? (
          <>
            Demo member of two accounts: <code>{member.username}</code>, password{" "}
            <code>{member.password}</code>
          </>
        ) : (
          "Sign in with an account member of your store's password profile."
        )}
      </p>
      <label>
        Username
        <input
          type="text"
          autoComplete="username"
          required
          value={username}
          onChange={(event) => setUsername(event.target.value)}
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
        {login.isPending ? "Signing in…" : "Sign in"}
      </button>
      {login.error && (
        <p role="alert" className="notice notice-error">
          {login.error.status === 401 ? "Wrong username or password." : login.error.message}
        </p>
      )}
    </form>
  );
}
