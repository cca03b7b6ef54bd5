import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Interface: IdentityPoolConfig","description":"","frontmatter":{},"headers":[],"relativePath":"api/@gatehouse/testing/interfaces/IdentityPoolConfig.md","filePath":"api/@gatehouse/testing/interfaces/IdentityPoolConfig.md"}');
const _sfc_main = { name: "api/@gatehouse/testing/interfaces/IdentityPoolConfig.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="interface-identitypoolconfig" tabindex="-1">Interface: IdentityPoolConfig <a class="header-anchor" href="#interface-identitypoolconfig" aria-label="Permalink to &quot;Interface: IdentityPoolConfig&quot;">​</a></h1><p>One identity pool the server knows.</p><h2 id="properties" tabindex="-1">Properties <a class="header-anchor" href="#properties" aria-label="Permalink to &quot;Properties&quot;">​</a></h2><table tabindex="0"><thead><tr><th>Property</th><th>Type</th><th>Description</th></tr></thead><tbody><tr><td><a id="property-accountid"></a> <code>accountId?</code></td><td><code>string</code></td><td>The pool&#39;s AWS account id; a <code>GetId</code> naming another <code>AccountId</code> is refused (<code>NotAuthorizedException</code>).</td></tr><tr><td><a id="property-allowunauthenticated"></a> <code>allowUnauthenticated?</code></td><td><code>boolean</code></td><td>Whether guest (no <code>Logins</code>) identities and credentials are allowed. <strong>Default</strong> <code>false</code></td></tr><tr><td><a id="property-authenticatedrolearn"></a> <code>authenticatedRoleArn</code></td><td><code>string</code></td><td>Role of authenticated identities (and for STS with an authenticated OpenID token).</td></tr><tr><td><a id="property-customrolearns"></a> <code>customRoleArns?</code></td><td>readonly <code>string</code>[]</td><td>Further roles a <code>CustomRoleArn</code> may name for authenticated identities. <strong>Default</strong> <code>[]</code></td></tr><tr><td><a id="property-developerprovidername"></a> <code>developerProviderName?</code></td><td><code>string</code></td><td>Developer provider name accepted by <code>GetOpenIdTokenForDeveloperIdentity</code>, e.g. <code>login.example.app</code>.</td></tr><tr><td><a id="property-identitypoolid"></a> <code>identityPoolId</code></td><td><code>string</code></td><td><code>{region}:{uuid}</code>, e.g. <code>us-east-1:1a2b3c4d-...</code>; identity ids are <code>{region}:{uuid}</code> with the same region.</td></tr><tr><td><a id="property-providers"></a> <code>providers?</code></td><td><code>Record</code>&lt;<code>string</code>, <a href="./IdentityPoolProviderConfig"><code>IdentityPoolProviderConfig</code></a>&gt;</td><td>Login providers, keyed by the <code>Logins</code> key: <code>cognito-idp.{region}.amazonaws.com/{userPoolId}</code> or an OIDC provider host.</td></tr><tr><td><a id="property-unauthenticatedrolearn"></a> <code>unauthenticatedRoleArn?</code></td><td><code>string</code></td><td>Role of guest identities; required for guest credentials.</td></tr></tbody></table></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/@gatehouse/testing/interfaces/IdentityPoolConfig.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const IdentityPoolConfig = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  IdentityPoolConfig as default
};
