import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Interface: JwtAuthorizerConfig","description":"","frontmatter":{},"headers":[],"relativePath":"api/@gatehouse/local-gateway/interfaces/JwtAuthorizerConfig.md","filePath":"api/@gatehouse/local-gateway/interfaces/JwtAuthorizerConfig.md"}');
const _sfc_main = { name: "api/@gatehouse/local-gateway/interfaces/JwtAuthorizerConfig.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="interface-jwtauthorizerconfig" tabindex="-1">Interface: JwtAuthorizerConfig <a class="header-anchor" href="#interface-jwtauthorizerconfig" aria-label="Permalink to &quot;Interface: JwtAuthorizerConfig&quot;">​</a></h1><p>An HTTP API <code>JWT</code> authorizer (or a REST <code>COGNITO_USER_POOLS</code> authorizer with <code>type: &quot;COGNITO_USER_POOLS&quot;</code>): the token is read from the identity source (a <code>Bearer </code> prefix is stripped), verified by <code>verifier</code>, and the route&#39;s <code>scopes</code> (if any) must intersect the token&#39;s scopes. Missing or invalid token -&gt; 401; missing scope -&gt; 403. Not cached (AWS caches JWKS, not decisions).</p><h2 id="properties" tabindex="-1">Properties <a class="header-anchor" href="#properties" aria-label="Permalink to &quot;Properties&quot;">​</a></h2><table tabindex="0"><thead><tr><th>Property</th><th>Type</th><th>Description</th></tr></thead><tbody><tr><td><a id="property-identitysource"></a> <code>identitySource?</code></td><td><code>string</code></td><td>Where the token is. <strong>Default</strong> <code>&quot;$request.header.Authorization&quot; (HTTP API) or &quot;method.request.header.Authorization&quot; (REST)</code></td></tr><tr><td><a id="property-type"></a> <code>type</code></td><td><code>&quot;JWT&quot;</code> | <code>&quot;COGNITO_USER_POOLS&quot;</code></td><td>-</td></tr><tr><td><a id="property-verifier"></a> <code>verifier</code></td><td><a href="./JwtVerifierLike"><code>JwtVerifierLike</code></a></td><td>The verifier holding issuer, audience and JWKS; required, there is no unverified mode.</td></tr></tbody></table></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/@gatehouse/local-gateway/interfaces/JwtAuthorizerConfig.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const JwtAuthorizerConfig = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  JwtAuthorizerConfig as default
};
