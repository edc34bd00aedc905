import { createBrowserRouter } from "react-router";
import { AppLayout } from "./components/app-layout.js";
import { AcceptInvitationScreen } from "./routes/account/accept-invitation-screen.js";
import { ForgotPasswordScreen } from "./routes/account/forgot-password-screen.js";
import { LoginScreen } from "./routes/account/login-screen.js";
import { ResetPasswordScreen } from "./routes/account/reset-password-screen.js";
import { SignupScreen } from "./routes/account/signup-screen.js";
import { ConflictsScreen } from "./routes/conflicts.js";
import { MyWorkScreen } from "./routes/my-work/my-work-screen.js";
import { PlanBillingScreen } from "./routes/plan-billing.js";
import { NotFoundScreen } from "./routes/sections.js";
import { SettingsScreen } from "./routes/settings/settings-screen.js";
import { TeamScreen } from "./routes/team/team-screen.js";
import { TicketScreen } from "./routes/tickets/ticket-screen.js";
import { TicketsScreen } from "./routes/tickets/tickets-screen.js";
import { TimeScreen } from "./routes/time/time-screen.js";

export const router = createBrowserRouter([
  {
    element: <AppLayout />,
    children: [
      { index: true, element: <MyWorkScreen /> },
      { path: "tickets", element: <TicketsScreen /> },
      { path: "tickets/:id", element: <TicketScreen /> },
      { path: "time", element: <TimeScreen /> },
      { path: "team", element: <TeamScreen /> },
      { path: "conflicts", element: <ConflictsScreen /> },
      { path: "settings", element: <SettingsScreen /> },
      { path: "settings/billing", element: <PlanBillingScreen /> },
      { path: "login", element: <LoginScreen /> },
      { path: "signup", element: <SignupScreen /> },
      { path: "forgot-password", element: <ForgotPasswordScreen /> },
      // The paths the server's emails link to (sync-server/src/auth, members).
      { path: "reset-password", element: <ResetPasswordScreen /> },
      { path: "accept-invitation", element: <AcceptInvitationScreen /> },
      { path: "*", element: <NotFoundScreen /> },
    ],
  },
]);
