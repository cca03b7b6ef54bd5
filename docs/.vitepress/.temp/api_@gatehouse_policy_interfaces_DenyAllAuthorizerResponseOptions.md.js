import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Interface: DenyAllAuthorizerResponseOptions","description":"","frontmatter":{},"headers":[],"relativePath":"api/@gatehouse/policy/interfaces/DenyAllAuthorizerResponseOptions.md","filePath":"api/@gatehouse/policy/interfaces/DenyAllAuthorizerResponseOptions.md"}');
const _sfc_main = { name: "api/@gatehouse/policy/interfaces/DenyAllAuthorizerResponseOptions.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="interface-denyallauthorizerresponseoptions" tabindex="-1">Interface: DenyAllAuthorizerResponseOptions <a class="header-anchor" href="#interface-denyallauthorizerresponseoptions" aria-label="Permalink to &quot;Interface: DenyAllAuthorizerResponseOptions&quot;">​</a></h1><p>Options of <a href="./../functions/buildDenyAllAuthorizerResponse">buildDenyAllAuthorizerResponse</a>.</p><h2 id="properties" tabindex="-1">Properties <a class="header-anchor" href="#properties" aria-label="Permalink to &quot;Properties&quot;">​</a></h2><table tabindex="0"><thead><tr><th>Property</th><th>Type</th><th>Description</th></tr></thead><tbody><tr><td><a id="property-arn"></a> <code>arn</code></td><td><code>string</code></td><td>The event&#39;s <code>methodArn</code> (REST, HTTP API 1.0, WebSocket) or <code>routeArn</code> (HTTP API 2.0).</td></tr><tr><td><a id="property-principalid"></a> <code>principalId</code></td><td><code>string</code></td><td>-</td></tr></tbody></table></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/@gatehouse/policy/interfaces/DenyAllAuthorizerResponseOptions.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const DenyAllAuthorizerResponseOptions = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  DenyAllAuthorizerResponseOptions as default
};
