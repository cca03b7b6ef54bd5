import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Interface: IdentityPoolCredentials","description":"","frontmatter":{},"headers":[],"relativePath":"api/@gatehouse/identity-pool/interfaces/IdentityPoolCredentials.md","filePath":"api/@gatehouse/identity-pool/interfaces/IdentityPoolCredentials.md"}');
const _sfc_main = { name: "api/@gatehouse/identity-pool/interfaces/IdentityPoolCredentials.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="interface-identitypoolcredentials" tabindex="-1">Interface: IdentityPoolCredentials <a class="header-anchor" href="#interface-identitypoolcredentials" aria-label="Permalink to &quot;Interface: IdentityPoolCredentials&quot;">​</a></h1><p>Temporary AWS credentials for an identity: the AWS SDK&#39;s credential shape (plugs into any SDK client and into <code>@gatehouse/sigv4</code>) plus the identity id. Every field but <code>accessKeyId</code> and <code>identityId</code> is secret: never log them.</p><h2 id="properties" tabindex="-1">Properties <a class="header-anchor" href="#properties" aria-label="Permalink to &quot;Properties&quot;">​</a></h2><table tabindex="0"><thead><tr><th>Property</th><th>Type</th><th>Description</th></tr></thead><tbody><tr><td><a id="property-accesskeyid"></a> <code>accessKeyId</code></td><td><code>string</code></td><td>-</td></tr><tr><td><a id="property-expiration"></a> <code>expiration</code></td><td><code>Date</code></td><td>When the credentials stop working (server time).</td></tr><tr><td><a id="property-identityid"></a> <code>identityId</code></td><td><code>string</code></td><td>The Cognito identity id, <code>{region}:{GUID}</code>.</td></tr><tr><td><a id="property-secretaccesskey"></a> <code>secretAccessKey</code></td><td><code>string</code></td><td>Secret.</td></tr><tr><td><a id="property-sessiontoken"></a> <code>sessionToken</code></td><td><code>string</code></td><td>Secret.</td></tr></tbody></table></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/@gatehouse/identity-pool/interfaces/IdentityPoolCredentials.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const IdentityPoolCredentials = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  IdentityPoolCredentials as default
};
