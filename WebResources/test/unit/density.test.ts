import { describe, expect, it } from "vitest";
import { createDensityStore, type KeyValueStorage } from "../../src/panel/density";

function memoryStorage(): KeyValueStorage {
  const values = new Map<string, string>();
  return { getItem: (key) => values.get(key) ?? null, setItem: (key, value) => values.set(key, value) };
}

describe("panel density", () => {
  it("is detailed until the user chooses otherwise", () => {
    expect(createDensityStore(memoryStorage(), "{U1}").get()).toBe("detailed");
  });

  it("is remembered for the user who chose it, and only for that user", () => {
    const storage = memoryStorage();
    createDensityStore(storage, "{AAAA}").set("compact");
    expect(createDensityStore(storage, "{aaaa}").get()).toBe("compact");
    expect(createDensityStore(storage, "{BBBB}").get()).toBe("detailed");
  });

  it("still works when the browser refuses storage", () => {
    const refusing: KeyValueStorage = {
      getItem: () => {
        throw new Error("SecurityError");
      },
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
    };
    const store = createDensityStore(refusing, "{U1}");
    expect(() => {
      store.set("compact");
    }).not.toThrow();
    expect(store.get()).toBe("detailed");
    expect(createDensityStore(null, "{U1}").get()).toBe("detailed");
  });
});
