import { formatDay } from "../../components/format-day.js";
import type { Week } from "../../data/time/week.js";

const buttonClass =
  "rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100";

/** Previous / next week, and back to this week when looking at another. */
export function WeekPicker({
  week,
  isThisWeek,
  onShift,
  onThisWeek,
}: {
  week: Week;
  isThisWeek: boolean;
  onShift: (weeks: number) => void;
  onThisWeek: () => void;
}) {
  const lastDay = week.days[6] ?? week.weekStart;
  return (
    <div className="grid grid-cols-2 items-center gap-2 sm:flex">
      <h2
        id="week-title"
        className="col-span-2 text-center text-base font-semibold text-slate-900 sm:order-2 sm:flex-1 sm:text-lg"
      >
        {isThisWeek ? "This week" : "Week"}: <span className="whitespace-nowrap">{formatDay(week.weekStart)}</span> –{" "}
        <span className="whitespace-nowrap">{formatDay(lastDay)}</span>
      </h2>
      <button type="button" onClick={() => onShift(-1)} className={`${buttonClass} sm:order-1`}>
        <span aria-hidden="true">← </span>Previous week
      </button>
      <button type="button" onClick={() => onShift(1)} className={`${buttonClass} sm:order-3`}>
        Next week<span aria-hidden="true"> →</span>
      </button>
      {isThisWeek ? null : (
        <button type="button" onClick={onThisWeek} className={`${buttonClass} col-span-2 sm:order-4`}>
          This week
        </button>
      )}
    </div>
  );
}
