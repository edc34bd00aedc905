import { createBrowserRouter } from "react-router";
import { AppLayout } from "./components/app-layout.js";
import { ConflictsScreen } from "./routes/conflicts.js";
import { LoginScreen } from "./routes/login.js";
import { PlanBillingScreen } from "./routes/plan-billing.js";
import { MyWorkScreen, NotFoundScreen, SettingsScreen, TeamScreen, TimeScreen } from "./routes/sections.js";
import { TicketScreen } from "./routes/tickets/ticket-screen.js";
import { TicketsScreen } from "./routes/tickets/tickets-screen.js";

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
      { path: "*", element: <NotFoundScreen /> },
    ],
  },
]);
