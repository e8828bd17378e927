// Snapshot names and dates, parameter lists as the ML Server panels show them.
import { describe, expect, it } from "vitest";
import { defaultSnapshotName, describeParameters, formatCreatedAt } from "./mlserver-format";

describe("defaultSnapshotName", () => {
  it("is the title and the local date and time", () => {
    expect(defaultSnapshotName(" Sales model ", new Date(2024, 4, 2, 9, 7))).toBe("Sales model 2024-05-02 09:07");
  });
  it("falls back to a generic name for an empty title", () => {
    expect(defaultSnapshotName("", new Date(2024, 11, 31, 23, 59))).toBe("Notebook 2024-12-31 23:59");
  });
});

describe("formatCreatedAt", () => {
  it("shows a dash without a date and keeps text that is no date", () => {
    expect(formatCreatedAt(null)).toBe("—");
    expect(formatCreatedAt("last week")).toBe("last week");
  });
  it("formats a timestamp in the browser's locale", () => {
    expect(formatCreatedAt("2024-05-02T09:07:00Z")).toBe(new Date(Date.UTC(2024, 4, 2, 9, 7)).toLocaleString());
  });
});

describe("describeParameters", () => {
  it("lists names with types, or says none", () => {
    expect(describeParameters({ hp: "numeric", wt: "numeric" })).toBe("hp numeric, wt numeric");
    expect(describeParameters({ odd: "" })).toBe("odd");
    expect(describeParameters({})).toBe("none");
  });
});
