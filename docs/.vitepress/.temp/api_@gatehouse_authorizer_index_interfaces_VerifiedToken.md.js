import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Interface: VerifiedToken<C>","description":"","frontmatter":{},"headers":[],"relativePath":"api/@gatehouse/authorizer/index/interfaces/VerifiedToken.md","filePath":"api/@gatehouse/authorizer/index/interfaces/VerifiedToken.md"}');
const _sfc_main = { name: "api/@gatehouse/authorizer/index/interfaces/VerifiedToken.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="interface-verifiedtoken-c" tabindex="-1">Interface: VerifiedToken&lt;C&gt; <a class="header-anchor" href="#interface-verifiedtoken-c" aria-label="Permalink to &quot;Interface: VerifiedToken\\&lt;C\\&gt;&quot;">​</a></h1><p>What a <a href="./TokenVerifier">TokenVerifier</a> returns for a token that passed every check.</p><h2 id="type-parameters" tabindex="-1">Type Parameters <a class="header-anchor" href="#type-parameters" aria-label="Permalink to &quot;Type Parameters&quot;">​</a></h2><table tabindex="0"><thead><tr><th>Type Parameter</th><th>Default type</th></tr></thead><tbody><tr><td><a id="type-parameter-c"></a> <code>C</code> <em>extends</em> <a href="./JwtClaims"><code>JwtClaims</code></a></td><td><a href="./JwtClaims"><code>JwtClaims</code></a></td></tr></tbody></table><h2 id="properties" tabindex="-1">Properties <a class="header-anchor" href="#properties" aria-label="Permalink to &quot;Properties&quot;">​</a></h2><table tabindex="0"><thead><tr><th>Property</th><th>Type</th><th>Description</th></tr></thead><tbody><tr><td><a id="property-cacheuntil"></a> <code>cacheUntil</code></td><td><code>number</code></td><td>Epoch SECONDS after which a cached decision for this token must not be used: <code>min(exp, expiry of the key set that verified it)</code>.</td></tr><tr><td><a id="property-claims"></a> <code>claims</code></td><td><code>C</code></td><td>-</td></tr><tr><td><a id="property-groups"></a> <code>groups</code></td><td><code>string</code>[]</td><td><code>cognito:groups</code> (empty when absent).</td></tr><tr><td><a id="property-header"></a> <code>header</code></td><td><a href="./JwtHeader"><code>JwtHeader</code></a></td><td>-</td></tr><tr><td><a id="property-issuer"></a> <code>issuer</code></td><td><code>string</code></td><td>The verified <code>iss</code>.</td></tr><tr><td><a id="property-scopes"></a> <code>scopes</code></td><td><code>string</code>[]</td><td><code>scope</code> split on spaces (empty when absent).</td></tr></tbody></table></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/@gatehouse/authorizer/index/interfaces/VerifiedToken.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const VerifiedToken = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  VerifiedToken as default
};
