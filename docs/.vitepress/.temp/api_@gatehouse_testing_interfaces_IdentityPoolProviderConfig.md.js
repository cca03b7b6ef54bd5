import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Interface: IdentityPoolProviderConfig","description":"","frontmatter":{},"headers":[],"relativePath":"api/@gatehouse/testing/interfaces/IdentityPoolProviderConfig.md","filePath":"api/@gatehouse/testing/interfaces/IdentityPoolProviderConfig.md"}');
const _sfc_main = { name: "api/@gatehouse/testing/interfaces/IdentityPoolProviderConfig.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="interface-identitypoolproviderconfig" tabindex="-1">Interface: IdentityPoolProviderConfig <a class="header-anchor" href="#interface-identitypoolproviderconfig" aria-label="Permalink to &quot;Interface: IdentityPoolProviderConfig&quot;">​</a></h1><p>How a login provider&#39;s tokens are checked (keyed by the <code>Logins</code> key in <a href="./IdentityPoolConfig#property-providers">IdentityPoolConfig.providers</a>).</p><h2 id="properties" tabindex="-1">Properties <a class="header-anchor" href="#properties" aria-label="Permalink to &quot;Properties&quot;">​</a></h2><table tabindex="0"><thead><tr><th>Property</th><th>Type</th><th>Description</th></tr></thead><tbody><tr><td><a id="property-audience"></a> <code>audience?</code></td><td><code>string</code></td><td>The <code>aud</code> the login token must carry (a user-pool app client id, an OIDC client id). <code>undefined</code>: any <code>aud</code>, which must still be present.</td></tr><tr><td><a id="property-issuer"></a> <code>issuer?</code></td><td><code>string</code></td><td>The <code>iss</code> the token must carry. <strong>Default</strong> <code>https://{login key}</code> (so the user-pool key <code>cognito-idp.{region}.amazonaws.com/{poolId}</code> expects <code>https://cognito-idp.{region}.amazonaws.com/{poolId}</code>); an <code>http://</code> issuer on loopback also matches its host key, e.g. <code>127.0.0.1:4567</code>.</td></tr><tr><td><a id="property-jwks"></a> <code>jwks?</code></td><td>{ <code>keys</code>: <code>JsonWebKey</code>[]; }</td><td>The provider&#39;s key set inline (e.g. <code>issuer.jwks()</code>); used instead of <code>jwksUri</code> when both are set.</td></tr><tr><td><code>jwks.keys</code></td><td><code>JsonWebKey</code>[]</td><td>-</td></tr><tr><td><a id="property-jwksuri"></a> <code>jwksUri?</code></td><td><code>string</code></td><td>JWKS URL of the provider; loopback only (<code>127.0.0.1</code>, <code>localhost</code>, <code>[::1]</code>).</td></tr></tbody></table></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/@gatehouse/testing/interfaces/IdentityPoolProviderConfig.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const IdentityPoolProviderConfig = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  IdentityPoolProviderConfig as default
};
