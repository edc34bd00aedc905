import { authApi, tables } from "@worktrackr/shared-schema";
import { describe, expect, it } from "vitest";
import { ApiRequestError } from "./api-fetch.js";
import {
  fieldSentence,
  firstIssue,
  formErrorsFromApi,
  formErrorsFromIssues,
  unreachableMessage,
} from "./form-errors.js";

const signUpLabels = { name: "Your name", email: "Email", password: "Password", organisationName: "Organisation name" };

describe("fieldSentence", () => {
  it("names the field in a fragment the server prefixed with the field", () => {
    expect(fieldSentence("password", "Password", "password: must be at least 8 characters")).toBe(
      "Password must be at least 8 characters.",
    );
  });

  it("keeps a message that is already a sentence", () => {
    expect(fieldSentence("email", "Email", "An account with this email already exists. Sign in instead.")).toBe(
      "An account with this email already exists. Sign in instead.",
    );
  });
});

describe("formErrorsFromApi", () => {
  it("puts a refusal that names a field beside that field", () => {
    const error = new ApiRequestError(409, {
      code: "conflict",
      message: "An account with this email already exists. Sign in instead.",
      field: "email",
    });
    expect(formErrorsFromApi(error, signUpLabels)).toEqual({
      fields: { email: "An account with this email already exists. Sign in instead." },
      form: null,
    });
  });

  it("puts each field of a validation failure beside its own field", () => {
    const error = new ApiRequestError(422, {
      code: "validation_failed",
      message: "email: must be an email address",
      field: "email",
      fields: { email: "must be an email address", password: "must be at least 8 characters" },
    });
    expect(formErrorsFromApi(error, signUpLabels).fields).toEqual({
      email: "Email must be an email address.",
      password: "Password must be at least 8 characters.",
    });
  });

  it("says a rate limit for the whole form, as the server worded it", () => {
    const error = new ApiRequestError(429, {
      code: "rate_limited",
      message: "Too many attempts. Try again in 15 minute(s).",
    });
    expect(formErrorsFromApi(error, signUpLabels)).toEqual({
      fields: {},
      form: "Too many attempts. Try again in 15 minute(s).",
    });
  });

  it("says a refusal about a field the form does not show for the whole form", () => {
    const error = new ApiRequestError(409, { code: "seat_limit", message: "All 5 seats are in use", field: "seats" });
    expect(formErrorsFromApi(error, signUpLabels)).toEqual({ fields: {}, form: "All 5 seats are in use." });
  });

  it("says the server could not be reached when there was no answer", () => {
    expect(formErrorsFromApi(new TypeError("Failed to fetch"), signUpLabels)).toEqual({
      fields: {},
      form: unreachableMessage,
    });
  });
});

describe("formErrorsFromIssues", () => {
  it("names each field the shared sign-up schema refuses", () => {
    const parsed = authApi.ZRegisterRequest.safeParse({
      name: " ",
      email: "not-an-email",
      password: "short",
      organisationName: "Acme",
    });
    expect(parsed.success).toBe(false);
    expect(formErrorsFromIssues(parsed.error?.issues ?? [], signUpLabels)).toEqual({
      fields: {
        name: "Your name is required.",
        email: "Email must be an email address.",
        password: "Password must be at least 8 characters.",
      },
      form: null,
    });
  });

  it("keeps the first problem of a field when it has several", () => {
    const issues = [
      { path: ["password"], message: "is required" },
      { path: ["password"], message: "must be at least 8 characters" },
    ];
    expect(formErrorsFromIssues(issues, signUpLabels).fields).toEqual({ password: "Password is required." });
  });
});

describe("firstIssue", () => {
  it("names the field of a write the shared schema refuses, in a sentence", () => {
    const parsed = tables.tickets.insert.safeParse({ id: crypto.randomUUID(), title: "" });
    expect(parsed.success).toBe(false);
    const issue = firstIssue(parsed.error?.issues ?? [], { title: "Title" }, "Ticket");
    expect(issue.field).toBe("title");
    expect(issue.message).toMatch(/^Title .+\.$/);
  });

  it("falls back to naming the record when the field has no label", () => {
    expect(firstIssue([{ path: ["billable"], message: "must be true or false" }], {}, "Time entry")).toEqual({
      field: "billable",
      message: "Time entry must be true or false.",
    });
  });
});
