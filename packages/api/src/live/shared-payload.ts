import superjson from "superjson";

// A live event goes to every viewer who may see it in the same form: the streams yield the
// same object, and its serialised form is computed once, here, rather than once per viewer.
const shared = new WeakMap<object, ReturnType<typeof superjson.serialize> | null>();

/** Marks a value that is never changed again, so that its serialisation can be shared. */
export function shareSerialisation<T extends object>(value: T): T {
  shared.set(value, null);
  return value;
}

/** superjson, with one serialisation per value marked by {@link shareSerialisation}. */
export const sharingTransformer = {
  serialize(value: unknown) {
    if (typeof value !== "object" || value === null || !shared.has(value)) {
      return superjson.serialize(value);
    }
    let serialised = shared.get(value);
    if (!serialised) {
      serialised = superjson.serialize(value);
      shared.set(value, serialised);
    }
    return serialised;
  },
  deserialize: (value: Parameters<typeof superjson.deserialize>[0]) => superjson.deserialize(value),
};
