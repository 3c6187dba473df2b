// Types for `env` and `exports` in the workers tests: the Worker's own bindings and entry module.
import type { Env as EdgeEnv } from "../../src/edge/env";

declare global {
  namespace Cloudflare {
    interface Env extends EdgeEnv {}
    interface GlobalProps {
      mainModule: typeof import("../../src/index");
      durableNamespaces: "Session";
    }
  }
}
