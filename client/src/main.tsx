import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-router";
import { settleOwedSignOut } from "./api/owed-sign-out.js";
import { DataLayerProvider } from "./components/data-layer-provider.js";
import "./index.css";
import { router } from "./router.js";

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } },
});

// A sign-out made with no signal is finished on the server as soon as the network returns.
window.addEventListener("online", () => void settleOwedSignOut());

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root");
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <DataLayerProvider>
        <RouterProvider router={router} />
      </DataLayerProvider>
    </QueryClientProvider>
  </StrictMode>,
);
