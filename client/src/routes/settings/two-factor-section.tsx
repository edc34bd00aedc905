import type { authApi } from "@worktrackr/shared-schema";
import { useState } from "react";
import { secondaryButtonClass } from "../../components/form/form-styles.js";
import { EmailCodesForm } from "./email-codes-form.js";
import { TotpSetup } from "./totp-setup.js";
import { TwoFactorOffForm } from "./two-factor-off-form.js";

type Step = "choose" | "app" | "email" | "off";

/** Two-factor sign-in: what is on now, and setting up or turning off either kind. */
export function TwoFactorSection({ user }: { user: authApi.SessionInfo["user"] }) {
  const [step, setStep] = useState<Step>("choose");
  const done = () => setStep("choose");
  if (step === "app") return <TotpSetup onDone={done} />;
  if (step === "email") return <EmailCodesForm email={user.email} onDone={done} />;
  const usesApp = user.mfaEnabled && user.mfaMethod === "totp";
  if (step === "off") return <TwoFactorOffForm usesApp={usesApp} onDone={done} />;

  return (
    <div className="space-y-4">
      <p className="text-slate-700">
        {!user.mfaEnabled
          ? "Off. Add a second step to signing in: a code from an authenticator app, or one we email you."
          : usesApp
            ? "On: you sign in with a code from your authenticator app."
            : `On: you sign in with a code we email to ${user.email}.`}
      </p>
      <div className="flex flex-wrap gap-3">
        {usesApp ? null : (
          <button type="button" onClick={() => setStep("app")} className={secondaryButtonClass}>
            Set up an authenticator app
          </button>
        )}
        {user.mfaEnabled ? null : (
          <button type="button" onClick={() => setStep("email")} className={secondaryButtonClass}>
            Use emailed codes
          </button>
        )}
        {user.mfaEnabled ? (
          <button type="button" onClick={() => setStep("off")} className={secondaryButtonClass}>
            Turn off two-factor sign-in
          </button>
        ) : null}
      </div>
    </div>
  );
}
