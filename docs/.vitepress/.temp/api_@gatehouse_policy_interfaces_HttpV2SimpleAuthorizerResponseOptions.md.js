import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Interface: HttpV2SimpleAuthorizerResponseOptions","description":"","frontmatter":{},"headers":[],"relativePath":"api/@gatehouse/policy/interfaces/HttpV2SimpleAuthorizerResponseOptions.md","filePath":"api/@gatehouse/policy/interfaces/HttpV2SimpleAuthorizerResponseOptions.md"}');
const _sfc_main = { name: "api/@gatehouse/policy/interfaces/HttpV2SimpleAuthorizerResponseOptions.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="interface-httpv2simpleauthorizerresponseoptions" tabindex="-1">Interface: HttpV2SimpleAuthorizerResponseOptions <a class="header-anchor" href="#interface-httpv2simpleauthorizerresponseoptions" aria-label="Permalink to &quot;Interface: HttpV2SimpleAuthorizerResponseOptions&quot;">​</a></h1><p>Options of <a href="./../functions/buildHttpV2SimpleAuthorizerResponse">buildHttpV2SimpleAuthorizerResponse</a>.</p><h2 id="properties" tabindex="-1">Properties <a class="header-anchor" href="#properties" aria-label="Permalink to &quot;Properties&quot;">​</a></h2><table tabindex="0"><thead><tr><th>Property</th><th>Type</th><th>Description</th></tr></thead><tbody><tr><td><a id="property-context"></a> <code>context?</code></td><td><code>Readonly</code>&lt;<code>Record</code>&lt;<code>string</code>, <code>unknown</code>&gt;&gt;</td><td>Passed to the backend under <code>requestContext.authorizer.lambda</code>. Arrays and objects are allowed; <code>undefined</code> members are left out and <code>null</code> is kept (as <code>JSON.stringify</code> does).</td></tr><tr><td><a id="property-isauthorized"></a> <code>isAuthorized</code></td><td><code>boolean</code></td><td>The decision. With caching on it is reused for <strong>every route</strong> of the API for this identity, unless <code>$context.routeKey</code> is one of the authorizer&#39;s identity sources: decide per identity, not per route, or add <code>$context.routeKey</code> (or set the TTL to 0).</td></tr></tbody></table></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/@gatehouse/policy/interfaces/HttpV2SimpleAuthorizerResponseOptions.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const HttpV2SimpleAuthorizerResponseOptions = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  HttpV2SimpleAuthorizerResponseOptions as default
};
