import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Interface: LocalGatewayErrorOptions","description":"","frontmatter":{},"headers":[],"relativePath":"api/@gatehouse/local-gateway/interfaces/LocalGatewayErrorOptions.md","filePath":"api/@gatehouse/local-gateway/interfaces/LocalGatewayErrorOptions.md"}');
const _sfc_main = { name: "api/@gatehouse/local-gateway/interfaces/LocalGatewayErrorOptions.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="interface-localgatewayerroroptions" tabindex="-1">Interface: LocalGatewayErrorOptions <a class="header-anchor" href="#interface-localgatewayerroroptions" aria-label="Permalink to &quot;Interface: LocalGatewayErrorOptions&quot;">​</a></h1><p>Options of <a href="./../classes/LocalGatewayError">LocalGatewayError</a>.</p><h2 id="properties" tabindex="-1">Properties <a class="header-anchor" href="#properties" aria-label="Permalink to &quot;Properties&quot;">​</a></h2><table tabindex="0"><thead><tr><th>Property</th><th>Type</th><th>Description</th></tr></thead><tbody><tr><td><a id="property-cause"></a> <code>cause?</code></td><td><code>unknown</code></td><td>-</td></tr><tr><td><a id="property-expected"></a> <code>expected?</code></td><td><code>string</code></td><td>What was expected there, in words.</td></tr><tr><td><a id="property-path"></a> <code>path?</code></td><td><code>string</code></td><td>Where in the configuration the problem is, e.g. <code>apis[0].routes[2].resource</code>.</td></tr></tbody></table></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/@gatehouse/local-gateway/interfaces/LocalGatewayErrorOptions.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const LocalGatewayErrorOptions = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  LocalGatewayErrorOptions as default
};
