import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Interface: OpenApiPolicyExtension","description":"","frontmatter":{},"headers":[],"relativePath":"api/@gatehouse/policy/interfaces/OpenApiPolicyExtension.md","filePath":"api/@gatehouse/policy/interfaces/OpenApiPolicyExtension.md"}');
const _sfc_main = { name: "api/@gatehouse/policy/interfaces/OpenApiPolicyExtension.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="interface-openapipolicyextension" tabindex="-1">Interface: OpenApiPolicyExtension <a class="header-anchor" href="#interface-openapipolicyextension" aria-label="Permalink to &quot;Interface: OpenApiPolicyExtension&quot;">​</a></h1><p>The OpenAPI vendor extension that carries a REST API&#39;s resource policy.</p><h2 id="properties" tabindex="-1">Properties <a class="header-anchor" href="#properties" aria-label="Permalink to &quot;Properties&quot;">​</a></h2><table tabindex="0"><thead><tr><th>Property</th><th>Type</th></tr></thead><tbody><tr><td><a id="property-x-amazon-apigateway-policy"></a> <code>x-amazon-apigateway-policy</code></td><td><a href="./IacPolicyDocument"><code>IacPolicyDocument</code></a></td></tr></tbody></table></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/@gatehouse/policy/interfaces/OpenApiPolicyExtension.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const OpenApiPolicyExtension = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  OpenApiPolicyExtension as default
};
