import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Interface: PolicySize","description":"","frontmatter":{},"headers":[],"relativePath":"api/@gatehouse/policy/interfaces/PolicySize.md","filePath":"api/@gatehouse/policy/interfaces/PolicySize.md"}');
const _sfc_main = { name: "api/@gatehouse/policy/interfaces/PolicySize.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="interface-policysize" tabindex="-1">Interface: PolicySize <a class="header-anchor" href="#interface-policysize" aria-label="Permalink to &quot;Interface: PolicySize&quot;">​</a></h1><p>What <a href="./../functions/policySize">policySize</a> reports.</p><h2 id="properties" tabindex="-1">Properties <a class="header-anchor" href="#properties" aria-label="Permalink to &quot;Properties&quot;">​</a></h2><table tabindex="0"><thead><tr><th>Property</th><th>Type</th><th>Description</th></tr></thead><tbody><tr><td><a id="property-expanded"></a> <code>expanded</code></td><td><code>number</code> | <code>undefined</code></td><td>Compact JSON length with every resource expanded; <code>undefined</code> without a target when needed.</td></tr><tr><td><a id="property-limit"></a> <code>limit</code></td><td><code>8192</code></td><td>-</td></tr><tr><td><a id="property-short"></a> <code>short</code></td><td><code>number</code></td><td>Compact JSON length with every execute-api ARN in the short <code>execute-api:/...</code> form.</td></tr></tbody></table></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/@gatehouse/policy/interfaces/PolicySize.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const PolicySize = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  PolicySize as default
};
