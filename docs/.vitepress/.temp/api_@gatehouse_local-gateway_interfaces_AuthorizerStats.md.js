import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Interface: AuthorizerStats","description":"","frontmatter":{},"headers":[],"relativePath":"api/@gatehouse/local-gateway/interfaces/AuthorizerStats.md","filePath":"api/@gatehouse/local-gateway/interfaces/AuthorizerStats.md"}');
const _sfc_main = { name: "api/@gatehouse/local-gateway/interfaces/AuthorizerStats.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="interface-authorizerstats" tabindex="-1">Interface: AuthorizerStats <a class="header-anchor" href="#interface-authorizerstats" aria-label="Permalink to &quot;Interface: AuthorizerStats&quot;">​</a></h1><p>Counters of one authorizer since the gateway started.</p><h2 id="properties" tabindex="-1">Properties <a class="header-anchor" href="#properties" aria-label="Permalink to &quot;Properties&quot;">​</a></h2><table tabindex="0"><thead><tr><th>Property</th><th>Type</th><th>Description</th></tr></thead><tbody><tr><td><a id="property-cachehits"></a> <code>cacheHits</code></td><td><code>number</code></td><td>Requests answered from the authorizer cache, without running it.</td></tr><tr><td><a id="property-invocations"></a> <code>invocations</code></td><td><code>number</code></td><td>Times the authorizer function (or JWT verifier) ran.</td></tr></tbody></table></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/@gatehouse/local-gateway/interfaces/AuthorizerStats.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const AuthorizerStats = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  AuthorizerStats as default
};
