import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Interface: HttpRouteConfig","description":"","frontmatter":{},"headers":[],"relativePath":"api/@gatehouse/local-gateway/interfaces/HttpRouteConfig.md","filePath":"api/@gatehouse/local-gateway/interfaces/HttpRouteConfig.md"}');
const _sfc_main = { name: "api/@gatehouse/local-gateway/interfaces/HttpRouteConfig.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="interface-httprouteconfig" tabindex="-1">Interface: HttpRouteConfig <a class="header-anchor" href="#interface-httprouteconfig" aria-label="Permalink to &quot;Interface: HttpRouteConfig&quot;">​</a></h1><p>An HTTP API route with a Lambda proxy integration.</p><h2 id="properties" tabindex="-1">Properties <a class="header-anchor" href="#properties" aria-label="Permalink to &quot;Properties&quot;">​</a></h2><table tabindex="0"><thead><tr><th>Property</th><th>Type</th><th>Description</th></tr></thead><tbody><tr><td><a id="property-auth"></a> <code>auth</code></td><td><a href="./../type-aliases/RouteAuth"><code>RouteAuth</code></a></td><td>-</td></tr><tr><td><a id="property-handler"></a> <code>handler</code></td><td><a href="./../type-aliases/IntegrationHandler"><code>IntegrationHandler</code></a>&lt; | <a href="./HttpApiV2ProxyEvent"><code>HttpApiV2ProxyEvent</code></a> | <a href="./RestProxyEvent"><code>RestProxyEvent</code></a>&gt;</td><td>-</td></tr><tr><td><a id="property-payloadformatversion"></a> <code>payloadFormatVersion?</code></td><td><code>&quot;1.0&quot;</code> | <code>&quot;2.0&quot;</code></td><td>The integration&#39;s payload format: 2.0 events (<code>HttpApiV2ProxyEvent</code>) or 1.0 (REST-like). <strong>Default</strong> <code>&quot;2.0&quot;</code></td></tr><tr><td><a id="property-routekey"></a> <code>routeKey</code></td><td><code>string</code></td><td><code>GET /pets/{id}</code>, <code>ANY /pets/{proxy+}</code>, <code>$default</code>.</td></tr></tbody></table></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/@gatehouse/local-gateway/interfaces/HttpRouteConfig.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const HttpRouteConfig = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  HttpRouteConfig as default
};
