import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Interface: DeveloperIdentityToken","description":"","frontmatter":{},"headers":[],"relativePath":"api/@gatehouse/identity-pool/interfaces/DeveloperIdentityToken.md","filePath":"api/@gatehouse/identity-pool/interfaces/DeveloperIdentityToken.md"}');
const _sfc_main = { name: "api/@gatehouse/identity-pool/interfaces/DeveloperIdentityToken.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="interface-developeridentitytoken" tabindex="-1">Interface: DeveloperIdentityToken <a class="header-anchor" href="#interface-developeridentitytoken" aria-label="Permalink to &quot;Interface: DeveloperIdentityToken&quot;">​</a></h1><p>The answer of <a href="./../functions/getOpenIdTokenForDeveloperIdentity">getOpenIdTokenForDeveloperIdentity</a>: hand both to the browser.</p><h2 id="properties" tabindex="-1">Properties <a class="header-anchor" href="#properties" aria-label="Permalink to &quot;Properties&quot;">​</a></h2><table tabindex="0"><thead><tr><th>Property</th><th>Type</th><th>Description</th></tr></thead><tbody><tr><td><a id="property-identityid"></a> <code>identityId</code></td><td><code>string</code></td><td>-</td></tr><tr><td><a id="property-token"></a> <code>token</code></td><td><code>string</code></td><td>OpenID token for the login key <code>cognito-identity.amazonaws.com</code>. Secret.</td></tr></tbody></table></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/@gatehouse/identity-pool/interfaces/DeveloperIdentityToken.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const DeveloperIdentityToken = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  DeveloperIdentityToken as default
};
