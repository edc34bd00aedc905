import { authApi } from "@worktrackr/shared-schema";
import { describe, expect, it } from "vitest";
import { singleFieldSchema } from "./use-schema-form.js";

describe("singleFieldSchema", () => {
  const schema = singleFieldSchema("currentPassword", authApi.ZPassword);

  it("accepts an object whose one field the field's schema accepts", () => {
    expect(schema.safeParse({ currentPassword: "hunter22" })).toEqual({
      success: true,
      data: { currentPassword: "hunter22" },
    });
  });

  it("refuses an empty field with an issue placed on that field", () => {
    const parsed = schema.safeParse({ currentPassword: "" });
    expect(parsed.success).toBe(false);
    if (!parsed.success) {
      expect(parsed.error.issues.map((i) => [i.path, i.message])).toEqual([[["currentPassword"], "is required"]]);
    }
  });
});
