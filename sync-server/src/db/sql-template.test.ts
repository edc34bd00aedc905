import { describe, expect, it } from "vitest";
import { compile, fragment, ident, idents, join } from "./sql-template.js";

const sql = (strings: TemplateStringsArray, ...values: unknown[]) => compile(strings, values);

describe("sql tagged template", () => {
  it("sends every value as a parameter, never as text", () => {
    const evil = "x'; drop table tickets; --";
    expect(sql`select * from tickets where title = ${evil}`).toEqual({
      text: "select * from tickets where title = $1",
      params: [evil],
    });
  });

  it("quotes identifiers, doubling embedded quotes", () => {
    expect(sql`select * from ${ident('we"ird')}`.text).toBe('select * from "we""ird"');
    expect(idents(["a", "b"]).text).toBe('"a", "b"');
  });

  it("renumbers the parameters of spliced fragments", () => {
    const where = fragment`organisation_id = ${"org"} and status = ${"open"}`;
    expect(sql`select ${1} from t where ${where} and id = ${"id"}`).toEqual({
      text: "select $1 from t where organisation_id = $2 and status = $3 and id = $4",
      params: [1, "org", "open", "id"],
    });
  });

  it("joins values and fragments into a list", () => {
    expect(sql`values (${join(["a", fragment`now()`, "b"])})`).toEqual({
      text: "values ($1, now(), $2)",
      params: ["a", "b"],
    });
  });
});
