import { EmptyState } from "../components/empty-state.js";

export function NotFoundScreen() {
  return <EmptyState title="Page not found">There is nothing at this address. Use the sections above.</EmptyState>;
}
