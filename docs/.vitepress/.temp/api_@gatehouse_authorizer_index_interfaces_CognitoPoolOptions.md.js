import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Interface: CognitoPoolOptions","description":"","frontmatter":{},"headers":[],"relativePath":"api/@gatehouse/authorizer/index/interfaces/CognitoPoolOptions.md","filePath":"api/@gatehouse/authorizer/index/interfaces/CognitoPoolOptions.md"}');
const _sfc_main = { name: "api/@gatehouse/authorizer/index/interfaces/CognitoPoolOptions.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="interface-cognitopooloptions" tabindex="-1">Interface: CognitoPoolOptions <a class="header-anchor" href="#interface-cognitopooloptions" aria-label="Permalink to &quot;Interface: CognitoPoolOptions&quot;">​</a></h1><p>One Cognito user pool a <a href="./../functions/cognitoVerifier">cognitoVerifier</a> accepts tokens from.</p><h2 id="properties" tabindex="-1">Properties <a class="header-anchor" href="#properties" aria-label="Permalink to &quot;Properties&quot;">​</a></h2><table tabindex="0"><thead><tr><th>Property</th><th>Type</th><th>Description</th></tr></thead><tbody><tr><td><a id="property-clientid"></a> <code>clientId</code></td><td><code>string</code> | <code>string</code>[] | <code>null</code></td><td>The app client id(s) to accept: the ID token&#39;s <code>aud</code>, the access token&#39;s <code>client_id</code>. Required: opting out needs an explicit <code>null</code>.</td></tr><tr><td><a id="property-groups"></a> <code>groups?</code></td><td><code>string</code> | <code>string</code>[]</td><td>Require membership in at least one of these <code>cognito:groups</code> (else <code>access_denied</code>).</td></tr><tr><td><a id="property-jwks"></a> <code>jwks?</code></td><td><a href="./../type-aliases/JwksInput"><code>JwksInput</code></a></td><td>Keys to start with (inline or a file), so a cold start needs no network.</td></tr><tr><td><a id="property-jwksuri"></a> <code>jwksUri?</code></td><td><code>string</code></td><td>Fetch this pool&#39;s keys from here instead of <code>https://cognito-idp.{region}.amazonaws.com/{userPoolId}/.well-known/jwks.json</code> (a proxy, a loopback test issuer). The accepted issuers do not change.</td></tr><tr><td><a id="property-scope"></a> <code>scope?</code></td><td><code>string</code> | <code>string</code>[]</td><td>Require at least one of these OAuth scopes (else <code>insufficient_scope</code>).</td></tr><tr><td><a id="property-tokenuse"></a> <code>tokenUse</code></td><td><code>&quot;access&quot;</code> | <code>&quot;id&quot;</code> | <code>null</code></td><td><code>&quot;access&quot;</code> (an API usually wants access tokens; client-credentials tokens are access tokens) or <code>&quot;id&quot;</code>. Required: accepting both needs an explicit <code>null</code>.</td></tr><tr><td><a id="property-userpoolid"></a> <code>userPoolId</code></td><td><code>string</code></td><td>The user pool id, e.g. <code>eu-west-1_AbCdEf123</code> (its Region prefix names the issuer host).</td></tr></tbody></table></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/@gatehouse/authorizer/index/interfaces/CognitoPoolOptions.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const CognitoPoolOptions = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  CognitoPoolOptions as default
};
