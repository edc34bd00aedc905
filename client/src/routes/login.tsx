import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { authApi } from "@worktrackr/shared-schema";
import { type FormEvent, useState } from "react";
import { useNavigate } from "react-router";
import { ApiRequestError, apiFetch } from "../api/api-fetch.js";

const inputClass =
  "mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base shadow-sm focus:border-brand-500";

export function LoginScreen() {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const login = useMutation({
    mutationFn: () => apiFetch<authApi.LoginResponse>("/api/auth/login", { method: "POST", body: { email, password } }),
    onSuccess: async (result) => {
      if ("mfaRequired" in result) return;
      await queryClient.invalidateQueries({ queryKey: ["session"] });
      await navigate("/");
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate();
  };
  const error =
    login.error instanceof ApiRequestError ? login.error.message : login.error ? "Could not reach WorkTrackr." : null;
  const needsSecondFactor = login.data && "mfaRequired" in login.data;

  return (
    <section aria-labelledby="login-title" className="mx-auto max-w-sm">
      <h1 id="login-title" className="text-2xl font-bold">
        Sign in
      </h1>
      <form onSubmit={onSubmit} className="mt-6 space-y-4 rounded-xl bg-white p-6 shadow-sm" noValidate>
        <label className="block text-sm font-medium text-slate-700">
          Email
          <input
            type="email"
            name="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            className={inputClass}
          />
        </label>
        <label className="block text-sm font-medium text-slate-700">
          Password
          <input
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            className={inputClass}
          />
        </label>
        {error ? (
          <p role="alert" className="text-sm text-red-700">
            {error}
          </p>
        ) : null}
        {needsSecondFactor ? (
          <p role="status" className="text-sm text-slate-700">
            This account uses two-factor sign-in, which this version of the app cannot complete yet.
          </p>
        ) : null}
        <button
          type="submit"
          disabled={login.isPending}
          className="w-full rounded-lg bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-slate-900 disabled:opacity-60"
        >
          {login.isPending ? "Signing in…" : "Sign in"}
        </button>
      </form>
    </section>
  );
}
