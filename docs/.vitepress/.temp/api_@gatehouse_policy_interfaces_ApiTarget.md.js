import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Interface: ApiTarget","description":"","frontmatter":{},"headers":[],"relativePath":"api/@gatehouse/policy/interfaces/ApiTarget.md","filePath":"api/@gatehouse/policy/interfaces/ApiTarget.md"}');
const _sfc_main = { name: "api/@gatehouse/policy/interfaces/ApiTarget.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="interface-apitarget" tabindex="-1">Interface: ApiTarget <a class="header-anchor" href="#interface-apitarget" aria-label="Permalink to &quot;Interface: ApiTarget&quot;">​</a></h1><p>The API a short-form resource (<code>execute-api:/...</code>) belongs to.</p><h2 id="properties" tabindex="-1">Properties <a class="header-anchor" href="#properties" aria-label="Permalink to &quot;Properties&quot;">​</a></h2><table tabindex="0"><thead><tr><th>Property</th><th>Type</th><th>Description</th></tr></thead><tbody><tr><td><a id="property-accountid"></a> <code>accountId</code></td><td><code>string</code></td><td>The 12-digit account that owns the API.</td></tr><tr><td><a id="property-apiid"></a> <code>apiId</code></td><td><code>string</code></td><td>The API id, e.g. <code>puhdx84jy9</code>.</td></tr><tr><td><a id="property-partition"></a> <code>partition</code></td><td><a href="./../type-aliases/Partition"><code>Partition</code></a></td><td><code>aws</code>, <code>aws-cn</code> or <code>aws-us-gov</code>: take it from the API&#39;s own ARN, never assume <code>aws</code>.</td></tr><tr><td><a id="property-region"></a> <code>region</code></td><td><code>string</code></td><td>The API&#39;s region, e.g. <code>eu-west-1</code>.</td></tr></tbody></table></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/@gatehouse/policy/interfaces/ApiTarget.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const ApiTarget = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  ApiTarget as default
};
