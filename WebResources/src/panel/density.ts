/** Compact for agents on a call, detailed for account teams; each user's choice is remembered on the device. */
export type Density = "compact" | "detailed";

export const DefaultDensity: Density = "detailed";

export interface DensityStore {
  get(): Density;
  set(density: Density): void;
}

/** Minimal Storage, so tests can hand in a Map-backed fake. */
export type KeyValueStorage = Pick<Storage, "getItem" | "setItem">;

export function densityKey(userId: string): string {
  return `cx.panel.density.${userId.replace(/[{}]/g, "").toLowerCase()}`;
}

/**
 * Storage can be missing or refuse writes (private modes, policies); the panel then still works and simply
 * forgets the choice.
 */
export function createDensityStore(storage: KeyValueStorage | null, userId: string): DensityStore {
  const key = densityKey(userId);
  return {
    get() {
      try {
        const saved = storage?.getItem(key);
        return saved === "compact" || saved === "detailed" ? saved : DefaultDensity;
      } catch {
        return DefaultDensity;
      }
    },
    set(density) {
      try {
        storage?.setItem(key, density);
      } catch {
        // Not remembered, still applied.
      }
    },
  };
}
