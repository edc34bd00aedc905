import { EmptyState } from "../components/empty-state.js";

export function MyWorkScreen() {
  return (
    <EmptyState title="My work">
      Today's assigned tickets and tasks, with a timer that keeps running offline, will appear here.
    </EmptyState>
  );
}

export function TimeScreen() {
  return (
    <EmptyState title="Time">Your time entries by day and week, and your timesheets, will appear here.</EmptyState>
  );
}

export function NotFoundScreen() {
  return <EmptyState title="Page not found">There is nothing at this address. Use the sections above.</EmptyState>;
}
