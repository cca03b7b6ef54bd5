import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Interface: AuthorizeResult","description":"","frontmatter":{},"headers":[],"relativePath":"api/@gatehouse/authorizer/index/interfaces/AuthorizeResult.md","filePath":"api/@gatehouse/authorizer/index/interfaces/AuthorizeResult.md"}');
const _sfc_main = { name: "api/@gatehouse/authorizer/index/interfaces/AuthorizeResult.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="interface-authorizeresult" tabindex="-1">Interface: AuthorizeResult <a class="header-anchor" href="#interface-authorizeresult" aria-label="Permalink to &quot;Interface: AuthorizeResult&quot;">​</a></h1><p>What an <code>authorize</code> hook answers.</p><h2 id="properties" tabindex="-1">Properties <a class="header-anchor" href="#properties" aria-label="Permalink to &quot;Properties&quot;">​</a></h2><table tabindex="0"><thead><tr><th>Property</th><th>Type</th><th>Description</th></tr></thead><tbody><tr><td><a id="property-allow"></a> <code>allow</code></td><td><code>boolean</code> | <code>AllowedRoutes</code></td><td>- <code>false</code>: nothing (the caller gets 403 on every route); - <code>true</code>: what the <code>routes</code> table grants (<a href="./AuthorizerRequest#property-allowedroutes">AuthorizerRequest.allowedRoutes</a>); - route templates: exactly these (the identity&#39;s <strong>full</strong> set: it is cached for every route); - <code>&quot;stage&quot;</code>: every route of the stage; - <code>{ requestOnly: true, authorizerTtlSeconds: 0 }</code>: only this request (API Gateway caching must be off; this package then does not remember the decision either).</td></tr><tr><td><a id="property-context"></a> <code>context?</code></td><td><code>Record</code>&lt;<code>string</code>, <code>unknown</code>&gt;</td><td>Merged over the default context.</td></tr><tr><td><a id="property-principalid"></a> <code>principalId?</code></td><td><code>string</code></td><td>Replaces the default principal id.</td></tr><tr><td><a id="property-usageidentifierkey"></a> <code>usageIdentifierKey?</code></td><td><code>string</code></td><td>The API key for usage plans (REST and WebSocket only).</td></tr></tbody></table></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/@gatehouse/authorizer/index/interfaces/AuthorizeResult.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const AuthorizeResult = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  AuthorizeResult as default
};
