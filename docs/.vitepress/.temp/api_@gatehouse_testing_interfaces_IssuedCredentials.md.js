import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Interface: IssuedCredentials","description":"","frontmatter":{},"headers":[],"relativePath":"api/@gatehouse/testing/interfaces/IssuedCredentials.md","filePath":"api/@gatehouse/testing/interfaces/IssuedCredentials.md"}');
const _sfc_main = { name: "api/@gatehouse/testing/interfaces/IssuedCredentials.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="interface-issuedcredentials" tabindex="-1">Interface: IssuedCredentials <a class="header-anchor" href="#interface-issuedcredentials" aria-label="Permalink to &quot;Interface: IssuedCredentials&quot;">​</a></h1><p>Credentials the server handed out, in the shape <a href="./SigV4VerifierCredentials">SigV4VerifierCredentials</a> accepts.</p><h2 id="properties" tabindex="-1">Properties <a class="header-anchor" href="#properties" aria-label="Permalink to &quot;Properties&quot;">​</a></h2><table tabindex="0"><thead><tr><th>Property</th><th>Type</th><th>Description</th></tr></thead><tbody><tr><td><a id="property-accesskeyid"></a> <code>accessKeyId</code></td><td><code>string</code></td><td>-</td></tr><tr><td><a id="property-expiration"></a> <code>expiration</code></td><td><code>Date</code></td><td>-</td></tr><tr><td><a id="property-identityid"></a> <code>identityId</code></td><td><code>string</code></td><td>The identity the credentials belong to (the OpenID token&#39;s <code>sub</code> for STS).</td></tr><tr><td><a id="property-operation"></a> <code>operation</code></td><td><code>&quot;GetCredentialsForIdentity&quot;</code> | <code>&quot;AssumeRoleWithWebIdentity&quot;</code></td><td>The call that issued them.</td></tr><tr><td><a id="property-rolearn"></a> <code>roleArn</code></td><td><code>string</code></td><td>The role the credentials stand for.</td></tr><tr><td><a id="property-secretaccesskey"></a> <code>secretAccessKey</code></td><td><code>string</code></td><td>-</td></tr><tr><td><a id="property-sessiontoken"></a> <code>sessionToken</code></td><td><code>string</code></td><td>-</td></tr></tbody></table></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/@gatehouse/testing/interfaces/IssuedCredentials.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const IssuedCredentials = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  IssuedCredentials as default
};
