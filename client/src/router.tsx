import type { ComponentType } from "react";
import { createBrowserRouter } from "react-router";
import { AppLayout } from "./components/app-layout.js";
import { MyWorkScreen } from "./routes/my-work/my-work-screen.js";
import { NotFoundScreen } from "./routes/sections.js";

/**
 * A screen loaded when first visited, so the first route's bundle stays small. The service worker
 * precaches every chunk, so a screen never visited online still opens offline.
 */
const screen =
  <M,>(load: () => Promise<M>, pick: (module: M) => ComponentType) =>
  async () => ({ Component: pick(await load()) });

export const router = createBrowserRouter([
  {
    element: <AppLayout />,
    children: [
      { index: true, element: <MyWorkScreen /> },
      {
        path: "tickets",
        lazy: screen(
          () => import("./routes/tickets/tickets-screen.js"),
          (m) => m.TicketsScreen,
        ),
      },
      {
        path: "tickets/:id",
        lazy: screen(
          () => import("./routes/tickets/ticket-screen.js"),
          (m) => m.TicketScreen,
        ),
      },
      {
        path: "time",
        lazy: screen(
          () => import("./routes/time/time-screen.js"),
          (m) => m.TimeScreen,
        ),
      },
      {
        path: "team",
        lazy: screen(
          () => import("./routes/team/team-screen.js"),
          (m) => m.TeamScreen,
        ),
      },
      {
        path: "conflicts",
        lazy: screen(
          () => import("./routes/conflicts.js"),
          (m) => m.ConflictsScreen,
        ),
      },
      {
        path: "settings",
        lazy: screen(
          () => import("./routes/settings/settings-screen.js"),
          (m) => m.SettingsScreen,
        ),
      },
      {
        path: "settings/billing",
        lazy: screen(
          () => import("./routes/plan-billing.js"),
          (m) => m.PlanBillingScreen,
        ),
      },
      {
        path: "login",
        lazy: screen(
          () => import("./routes/account/login-screen.js"),
          (m) => m.LoginScreen,
        ),
      },
      {
        path: "signup",
        lazy: screen(
          () => import("./routes/account/signup-screen.js"),
          (m) => m.SignupScreen,
        ),
      },
      {
        path: "forgot-password",
        lazy: screen(
          () => import("./routes/account/forgot-password-screen.js"),
          (m) => m.ForgotPasswordScreen,
        ),
      },
      // The paths the server's emails link to (sync-server/src/auth, members).
      {
        path: "reset-password",
        lazy: screen(
          () => import("./routes/account/reset-password-screen.js"),
          (m) => m.ResetPasswordScreen,
        ),
      },
      {
        path: "accept-invitation",
        lazy: screen(
          () => import("./routes/account/accept-invitation-screen.js"),
          (m) => m.AcceptInvitationScreen,
        ),
      },
      { path: "*", element: <NotFoundScreen /> },
    ],
  },
]);
