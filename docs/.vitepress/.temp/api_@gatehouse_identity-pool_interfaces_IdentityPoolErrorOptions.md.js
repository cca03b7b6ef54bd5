import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Interface: IdentityPoolErrorOptions","description":"","frontmatter":{},"headers":[],"relativePath":"api/@gatehouse/identity-pool/interfaces/IdentityPoolErrorOptions.md","filePath":"api/@gatehouse/identity-pool/interfaces/IdentityPoolErrorOptions.md"}');
const _sfc_main = { name: "api/@gatehouse/identity-pool/interfaces/IdentityPoolErrorOptions.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="interface-identitypoolerroroptions" tabindex="-1">Interface: IdentityPoolErrorOptions <a class="header-anchor" href="#interface-identitypoolerroroptions" aria-label="Permalink to &quot;Interface: IdentityPoolErrorOptions&quot;">​</a></h1><p>Options of the <a href="./../classes/IdentityPoolError">IdentityPoolError</a> constructor.</p><h2 id="properties" tabindex="-1">Properties <a class="header-anchor" href="#properties" aria-label="Permalink to &quot;Properties&quot;">​</a></h2><table tabindex="0"><thead><tr><th>Property</th><th>Type</th><th>Description</th></tr></thead><tbody><tr><td><a id="property-cause"></a> <code>cause?</code></td><td><code>unknown</code></td><td>-</td></tr><tr><td><a id="property-hint"></a> <code>hint?</code></td><td><code>string</code></td><td>How to fix a known misconfiguration, in words; also appended to the message.</td></tr><tr><td><a id="property-operation"></a> <code>operation?</code></td><td><code>string</code></td><td>The Cognito or STS operation that failed, e.g. <code>GetCredentialsForIdentity</code>.</td></tr><tr><td><a id="property-retryable"></a> <code>retryable?</code></td><td><code>boolean</code></td><td>Whether trying again later may succeed (throttling, 5xx, network). <strong>Default</strong> <code>false</code></td></tr><tr><td><a id="property-status"></a> <code>status?</code></td><td><code>number</code></td><td>HTTP status of the service&#39;s answer, when there was one.</td></tr></tbody></table></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/@gatehouse/identity-pool/interfaces/IdentityPoolErrorOptions.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const IdentityPoolErrorOptions = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  IdentityPoolErrorOptions as default
};
