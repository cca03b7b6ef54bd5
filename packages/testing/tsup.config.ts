import { packageConfig } from "../../tsup.config.base.js";

// jose is ESM-only: bundled so `require("@gatehouse/testing")` works with require(esm) off.
export default packageConfig(import.meta.dirname, { platform: "node", noExternal: ["jose"] });
