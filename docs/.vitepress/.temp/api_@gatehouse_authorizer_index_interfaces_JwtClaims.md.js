import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Interface: JwtClaims","description":"","frontmatter":{},"headers":[],"relativePath":"api/@gatehouse/authorizer/index/interfaces/JwtClaims.md","filePath":"api/@gatehouse/authorizer/index/interfaces/JwtClaims.md"}');
const _sfc_main = { name: "api/@gatehouse/authorizer/index/interfaces/JwtClaims.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="interface-jwtclaims" tabindex="-1">Interface: JwtClaims <a class="header-anchor" href="#interface-jwtclaims" aria-label="Permalink to &quot;Interface: JwtClaims&quot;">​</a></h1><p>The registered and Cognito claims a verifier checks, plus any others the token carries.</p><h2 id="indexable" tabindex="-1">Indexable <a class="header-anchor" href="#indexable" aria-label="Permalink to &quot;Indexable&quot;">​</a></h2><div class="language-ts vp-adaptive-theme"><button title="Copy Code" class="copy"></button><span class="lang">ts</span><pre class="shiki shiki-themes github-light github-dark vp-code" tabindex="0"><code><span class="line"><span style="--shiki-light:#24292E;--shiki-dark:#E1E4E8;">[key: string]: unknown</span></span></code></pre></div><h2 id="properties" tabindex="-1">Properties <a class="header-anchor" href="#properties" aria-label="Permalink to &quot;Properties&quot;">​</a></h2><table tabindex="0"><thead><tr><th>Property</th><th>Type</th><th>Description</th></tr></thead><tbody><tr><td><a id="property-aud"></a> <code>aud?</code></td><td><code>string</code> | <code>string</code>[]</td><td>-</td></tr><tr><td><a id="property-client_id"></a> <code>client_id?</code></td><td><code>string</code></td><td>-</td></tr><tr><td><a id="property-cognitogroups"></a> <code>cognito:groups?</code></td><td><code>string</code>[]</td><td>-</td></tr><tr><td><a id="property-exp"></a> <code>exp</code></td><td><code>number</code></td><td>Expiry, epoch seconds. Always present on a verified token (a token without <code>exp</code> is rejected).</td></tr><tr><td><a id="property-iat"></a> <code>iat?</code></td><td><code>number</code></td><td>-</td></tr><tr><td><a id="property-iss"></a> <code>iss</code></td><td><code>string</code></td><td>-</td></tr><tr><td><a id="property-nbf"></a> <code>nbf?</code></td><td><code>number</code></td><td>-</td></tr><tr><td><a id="property-scope"></a> <code>scope?</code></td><td><code>string</code></td><td>OAuth scopes, space separated.</td></tr><tr><td><a id="property-sub"></a> <code>sub?</code></td><td><code>string</code></td><td>-</td></tr><tr><td><a id="property-token_use"></a> <code>token_use?</code></td><td><code>&quot;access&quot;</code> | <code>&quot;id&quot;</code></td><td>-</td></tr></tbody></table></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/@gatehouse/authorizer/index/interfaces/JwtClaims.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const JwtClaims = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  JwtClaims as default
};
