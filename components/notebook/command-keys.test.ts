import { describe, expect, it } from "vitest";
import { commandForKey, type KeyInput } from "./command-keys";

const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => ({ key: k, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, ...mods });

describe("commandForKey", () => {
  it("maps Jupyter's command-mode letters", () => {
    const off = { deleteArmed: false };
    expect(commandForKey(key("a"), off)).toBe("addAbove");
    expect(commandForKey(key("b"), off)).toBe("addBelow");
    expect(commandForKey(key("m"), off)).toBe("toMarkdown");
    expect(commandForKey(key("y"), off)).toBe("toCode");
    expect(commandForKey(key("k"), off)).toBe("selectPrev");
    expect(commandForKey(key("j"), off)).toBe("selectNext");
    expect(commandForKey(key("ArrowUp"), off)).toBe("selectPrev");
    expect(commandForKey(key("ArrowDown"), off)).toBe("selectNext");
    expect(commandForKey(key("x"), off)).toBeNull();
  });

  it("needs two Ds to delete", () => {
    expect(commandForKey(key("d"), { deleteArmed: false })).toBe("armDelete");
    expect(commandForKey(key("d"), { deleteArmed: true })).toBe("delete");
  });

  it("maps Enter variants", () => {
    const off = { deleteArmed: false };
    expect(commandForKey(key("Enter"), off)).toBe("edit");
    expect(commandForKey(key("Enter", { shiftKey: true }), off)).toBe("runAdvance");
    expect(commandForKey(key("Enter", { ctrlKey: true }), off)).toBe("runInPlace");
    expect(commandForKey(key("Enter", { metaKey: true }), off)).toBe("runInPlace");
    expect(commandForKey(key("Enter", { altKey: true }), off)).toBe("runInsertBelow");
    expect(commandForKey(key("Enter", { ctrlKey: true, shiftKey: true }), off)).toBeNull();
  });

  it("leaves browser shortcuts alone", () => {
    const off = { deleteArmed: false };
    expect(commandForKey(key("a", { ctrlKey: true }), off)).toBeNull();
    expect(commandForKey(key("A", { shiftKey: true }), off)).toBeNull();
    expect(commandForKey(key("b", { metaKey: true }), off)).toBeNull();
  });
});
