import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Interface: AuthorizerErrorOptions","description":"","frontmatter":{},"headers":[],"relativePath":"api/@gatehouse/authorizer/index/interfaces/AuthorizerErrorOptions.md","filePath":"api/@gatehouse/authorizer/index/interfaces/AuthorizerErrorOptions.md"}');
const _sfc_main = { name: "api/@gatehouse/authorizer/index/interfaces/AuthorizerErrorOptions.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="interface-authorizererroroptions" tabindex="-1">Interface: AuthorizerErrorOptions <a class="header-anchor" href="#interface-authorizererroroptions" aria-label="Permalink to &quot;Interface: AuthorizerErrorOptions&quot;">​</a></h1><h2 id="properties" tabindex="-1">Properties <a class="header-anchor" href="#properties" aria-label="Permalink to &quot;Properties&quot;">​</a></h2><table tabindex="0"><thead><tr><th>Property</th><th>Type</th><th>Description</th></tr></thead><tbody><tr><td><a id="property-actual"></a> <code>actual?</code></td><td><code>unknown</code></td><td>The offending value when it is safe to show (an <code>alg</code>, a <code>token_use</code>, an HTTP status). Never the token, a signature or a claim value that could be a secret.</td></tr><tr><td><a id="property-cause"></a> <code>cause?</code></td><td><code>unknown</code></td><td>-</td></tr><tr><td><a id="property-claim"></a> <code>claim?</code></td><td><code>string</code></td><td>A claim or header name involved, e.g. <code>aud</code>, <code>kid</code>, <code>token_use</code> (never its value if secret).</td></tr><tr><td><a id="property-expected"></a> <code>expected?</code></td><td><code>unknown</code></td><td>What was expected, in words or as configured values (issuer, audience, algorithms).</td></tr></tbody></table></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/@gatehouse/authorizer/index/interfaces/AuthorizerErrorOptions.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const AuthorizerErrorOptions = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  AuthorizerErrorOptions as default
};
