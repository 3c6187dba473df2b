// Caching across sessions (SEMANTICS D11, R141–R149): every session served by one isolate shares
// its caches. The workers test opens two sessions and sees the same cached id in both.
import { cacheResource, defineApp } from "../../src/api";

/** One object per isolate (module level): its id shows which computation a session got. */
const isolateStamp = cacheResource(() => ({ id: crypto.randomUUID(), sessionsServed: 0 }));

export default defineApp(async (st) => {
  st.title("Caching");
  const stamp = isolateStamp();
  st.markdown(`Isolate cache id: ${stamp.id}`);

  // Defined inside the app: its identity is its source text, so every run and session shares it.
  const squares = st.cacheData(
    async (n: number) => {
      st.caption(`Computed the squares below ${n}.`); // recorded on the miss, replayed on hits (R147)
      return { id: crypto.randomUUID(), values: Array.from({ length: n }, (_, i) => i * i) };
    },
    { ttl: "10m", maxEntries: 20 },
  );
  const n = st.slider("Count", { minValue: 1, maxValue: 10, value: 5 });
  const result = await squares(n);
  st.markdown(`Squares: ${result.values.join(", ")} (computation ${result.id})`);
  if (st.button("Clear the data cache")) {
    st.cacheData.clear();
    st.rerun();
  }
});
