import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Interface: RestRouteConfig","description":"","frontmatter":{},"headers":[],"relativePath":"api/@gatehouse/local-gateway/interfaces/RestRouteConfig.md","filePath":"api/@gatehouse/local-gateway/interfaces/RestRouteConfig.md"}');
const _sfc_main = { name: "api/@gatehouse/local-gateway/interfaces/RestRouteConfig.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="interface-restrouteconfig" tabindex="-1">Interface: RestRouteConfig <a class="header-anchor" href="#interface-restrouteconfig" aria-label="Permalink to &quot;Interface: RestRouteConfig&quot;">​</a></h1><p>A REST API resource and method with a Lambda proxy integration.</p><h2 id="properties" tabindex="-1">Properties <a class="header-anchor" href="#properties" aria-label="Permalink to &quot;Properties&quot;">​</a></h2><table tabindex="0"><thead><tr><th>Property</th><th>Type</th><th>Description</th></tr></thead><tbody><tr><td><a id="property-auth"></a> <code>auth</code></td><td><a href="./../type-aliases/RouteAuth"><code>RouteAuth</code></a></td><td>-</td></tr><tr><td><a id="property-handler"></a> <code>handler</code></td><td><a href="./../type-aliases/IntegrationHandler"><code>IntegrationHandler</code></a>&lt;<a href="./RestProxyEvent"><code>RestProxyEvent</code></a>&gt;</td><td>-</td></tr><tr><td><a id="property-method"></a> <code>method</code></td><td><code>string</code></td><td>HTTP verb or <code>ANY</code>.</td></tr><tr><td><a id="property-resource"></a> <code>resource</code></td><td><code>string</code></td><td>Resource template: <code>/pets</code>, <code>/pets/{id}</code>, <code>/{proxy+}</code>, <code>/</code>.</td></tr></tbody></table></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/@gatehouse/local-gateway/interfaces/RestRouteConfig.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const RestRouteConfig = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  RestRouteConfig as default
};
