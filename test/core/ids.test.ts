import { formatId, itemNumber, itemOfId, letterId, parseId, sectionOfId } from "../../src/core/ids";

describe("indicator ids (one parser for every module)", () => {
  test("reads sections, parts, a part's own items, repeated numerals, items and letters", () => {
    expect(parseId("II.3.c")).toEqual({ section: "II", item: "3", letter: "c" });
    expect(parseId("II.3")).toEqual({ section: "II", item: "3", letter: null });
    expect(parseId("A.II.3.b")).toEqual({ section: "A.II", item: "3", letter: "b" });
    expect(parseId("A.0.2")).toEqual({ section: "A.0", item: "2", letter: null });
    expect(parseId("II-2.1.aa")).toEqual({ section: "II-2", item: "1", letter: "aa" });
    expect(parseId("S12.4")).toEqual({ section: "S12", item: "4", letter: null });
    expect(parseId("I.a.b")).toEqual({ section: "I", item: "a", letter: "b" });
  });

  test("the resolution's own section ids win over the shape (ids staff typed)", () => {
    expect(parseId("Kinh-te.3.a", ["Kinh-te"])).toEqual({ section: "Kinh-te", item: "3", letter: "a" });
    expect(parseId("A.I.2", ["A", "A.I"])).toEqual({ section: "A.I", item: "2", letter: null });
    expect(sectionOfId("III.1", ["I", "II"])).toBe("III");
  });

  test("an id without an item, or with more after its letter, is not read", () => {
    for (const id of ["II", "3", "II.3.c.d", "II.3.C", "ii.3", ""]) expect(parseId(id)).toBeNull();
    expect(sectionOfId("Khác")).toBe("Khác");
    expect(itemOfId("Khác")).toBe("Khác");
  });

  test("format is the inverse of parse, and letters run a … z, aa, ab", () => {
    for (const id of ["II.3.c", "A.II.3.b", "A.0.2", "II-2.1.aa", "I.a.b", "IV.12"])
      expect(formatId(parseId(id)!)).toBe(id);
    expect([0, 1, 25, 26, 27, 701, 702].map(letterId)).toEqual(["a", "b", "z", "aa", "ab", "zz", "aaa"]);
  });

  test("the parent item and the item number", () => {
    expect(itemOfId("A.I.2.a")).toBe("A.I.2");
    expect(itemOfId("A.I.1")).toBe("A.I.1");
    expect(itemNumber("II.3.c", "II")).toBe(3);
    expect(itemNumber("II.a", "II")).toBeNull();
    expect(itemNumber("III.3", "II")).toBeNull();
  });
});
