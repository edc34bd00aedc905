import { describe, expect, it } from "vitest";
import { filtersFromParams, paramsFromFilters, ticketFilterSql } from "./ticket-filters.js";

const queueId = "0b7e2f4a-3c1d-4e5f-8a9b-0c1d2e3f4a5b";

describe("ticket filters", () => {
  it("survive a round trip through the URL", () => {
    const filters = { status: "open", priority: "high", assignee: "none", queue: queueId, search: "boiler" } as const;
    expect(filtersFromParams(paramsFromFilters(filters))).toEqual(filters);
  });

  it("ignore values that are not a status, priority or id", () => {
    const params = new URLSearchParams({ status: "lost", priority: "x", assignee: "bob", queue: "1; drop table" });
    expect(filtersFromParams(params)).toEqual({});
  });

  it("put every value in a parameter, never in the SQL", () => {
    const { where, params } = ticketFilterSql({ status: "open", search: "o'brien drop" });
    expect(where).not.toContain("o'brien");
    expect(params).toEqual(["open", "%o'brien%", "%drop%"]);
  });

  it("search for % and _ as the characters themselves", () => {
    expect(ticketFilterSql({ search: "50%_off" }).params).toEqual(["%50\\%\\_off%"]);
  });

  it("find unassigned tickets with no parameter", () => {
    expect(ticketFilterSql({ assignee: "none" })).toEqual({ where: "where t.assignee_id is null", params: [] });
  });
});
