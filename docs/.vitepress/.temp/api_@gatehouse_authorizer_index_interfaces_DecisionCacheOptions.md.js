import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Interface: DecisionCacheOptions","description":"","frontmatter":{},"headers":[],"relativePath":"api/@gatehouse/authorizer/index/interfaces/DecisionCacheOptions.md","filePath":"api/@gatehouse/authorizer/index/interfaces/DecisionCacheOptions.md"}');
const _sfc_main = { name: "api/@gatehouse/authorizer/index/interfaces/DecisionCacheOptions.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="interface-decisioncacheoptions" tabindex="-1">Interface: DecisionCacheOptions <a class="header-anchor" href="#interface-decisioncacheoptions" aria-label="Permalink to &quot;Interface: DecisionCacheOptions&quot;">​</a></h1><p>The decision cache (per Lambda instance).</p><h2 id="properties" tabindex="-1">Properties <a class="header-anchor" href="#properties" aria-label="Permalink to &quot;Properties&quot;">​</a></h2><table tabindex="0"><thead><tr><th>Property</th><th>Type</th><th>Description</th></tr></thead><tbody><tr><td><a id="property-maxentries"></a> <code>maxEntries?</code></td><td><code>number</code></td><td>Maximum remembered tokens. <strong>Default</strong> <code>1000</code></td></tr><tr><td><a id="property-ttlseconds"></a> <code>ttlSeconds?</code></td><td><code>number</code></td><td>Longest time a decision is remembered, in seconds; never beyond the token&#39;s <code>exp</code> or the verifier&#39;s <code>cacheUntil</code>. <strong>Default</strong> <code>300</code></td></tr></tbody></table></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/@gatehouse/authorizer/index/interfaces/DecisionCacheOptions.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const DecisionCacheOptions = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  DecisionCacheOptions as default
};
