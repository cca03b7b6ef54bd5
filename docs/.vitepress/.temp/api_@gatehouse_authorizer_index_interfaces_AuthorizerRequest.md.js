import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Interface: AuthorizerRequest","description":"","frontmatter":{},"headers":[],"relativePath":"api/@gatehouse/authorizer/index/interfaces/AuthorizerRequest.md","filePath":"api/@gatehouse/authorizer/index/interfaces/AuthorizerRequest.md"}');
const _sfc_main = { name: "api/@gatehouse/authorizer/index/interfaces/AuthorizerRequest.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="interface-authorizerrequest" tabindex="-1">Interface: AuthorizerRequest <a class="header-anchor" href="#interface-authorizerrequest" aria-label="Permalink to &quot;Interface: AuthorizerRequest&quot;">​</a></h1><p>The request an <code>authorize</code> hook sees. The decision is cached per identity (by API Gateway and by this package) and reused for every route, so decide on the identity, not on <code>route</code>/<code>arn</code>, unless you answer <code>{ requestOnly: true, authorizerTtlSeconds: 0 }</code>.</p><h2 id="properties" tabindex="-1">Properties <a class="header-anchor" href="#properties" aria-label="Permalink to &quot;Properties&quot;">​</a></h2><table tabindex="0"><thead><tr><th>Property</th><th>Type</th><th>Description</th></tr></thead><tbody><tr><td><a id="property-allowedroutes"></a> <code>allowedRoutes</code></td><td>readonly <code>string</code>[] | <code>&quot;stage&quot;</code></td><td>What the <code>routes</code> table grants this identity (<code>&quot;stage&quot;</code> when there is no table).</td></tr><tr><td><a id="property-apitype"></a> <code>apiType</code></td><td><code>&quot;rest&quot;</code> | <code>&quot;http&quot;</code> | <code>&quot;websocket&quot;</code></td><td>The API type the route templates are compiled for.</td></tr><tr><td><a id="property-arn"></a> <code>arn</code></td><td><code>string</code></td><td><code>methodArn</code>, or <code>routeArn</code> for HTTP API 2.0.</td></tr><tr><td><a id="property-event"></a> <code>event</code></td><td><code>AuthorizerEvent</code></td><td>The raw event.</td></tr><tr><td><a id="property-route"></a> <code>route</code></td><td><code>string</code> | <code>null</code></td><td>The route: HTTP <code>routeKey</code>, REST <code>METHOD /resource</code>, <code>$connect</code>; for TOKEN <code>METHOD /path</code>.</td></tr><tr><td><a id="property-shape"></a> <code>shape</code></td><td><a href="./../type-aliases/EventShape"><code>EventShape</code></a></td><td>-</td></tr><tr><td><a id="property-sourceip"></a> <code>sourceIp</code></td><td><code>string</code> | <code>null</code></td><td>The client IP, when the event carries it.</td></tr><tr><td><a id="property-stage"></a> <code>stage</code></td><td><code>string</code></td><td>The API stage (from the ARN).</td></tr><tr><td><a id="property-stagevariables"></a> <code>stageVariables</code></td><td><code>Readonly</code>&lt;<code>Record</code>&lt;<code>string</code>, <code>string</code>&gt;&gt;</td><td>-</td></tr></tbody></table></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/@gatehouse/authorizer/index/interfaces/AuthorizerRequest.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const AuthorizerRequest = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  AuthorizerRequest as default
};
