import { createBrowserRouter } from "react-router";
import { AppLayout } from "./components/app-layout.js";
import { ConflictsScreen } from "./routes/conflicts.js";
import { LoginScreen } from "./routes/login.js";
import { MyWorkScreen } from "./routes/my-work/my-work-screen.js";
import { PlanBillingScreen } from "./routes/plan-billing.js";
import { NotFoundScreen, SettingsScreen, TeamScreen } from "./routes/sections.js";
import { TicketsScreen } from "./routes/tickets.js";
import { TimeScreen } from "./routes/time/time-screen.js";

export const router = createBrowserRouter([
  {
    element: <AppLayout />,
    children: [
      { index: true, element: <MyWorkScreen /> },
      { path: "tickets", element: <TicketsScreen /> },
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
