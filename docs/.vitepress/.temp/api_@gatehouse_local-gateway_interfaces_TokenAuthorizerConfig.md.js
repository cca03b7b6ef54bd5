import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Interface: TokenAuthorizerConfig","description":"","frontmatter":{},"headers":[],"relativePath":"api/@gatehouse/local-gateway/interfaces/TokenAuthorizerConfig.md","filePath":"api/@gatehouse/local-gateway/interfaces/TokenAuthorizerConfig.md"}');
const _sfc_main = { name: "api/@gatehouse/local-gateway/interfaces/TokenAuthorizerConfig.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="interface-tokenauthorizerconfig" tabindex="-1">Interface: TokenAuthorizerConfig <a class="header-anchor" href="#interface-tokenauthorizerconfig" aria-label="Permalink to &quot;Interface: TokenAuthorizerConfig&quot;">​</a></h1><p>A REST API <code>TOKEN</code> authorizer. The identity source is one header; a request without it, or whose value does not match <code>identityValidationExpression</code>, gets 401 without invoking <code>handler</code>.</p><h2 id="extends" tabindex="-1">Extends <a class="header-anchor" href="#extends" aria-label="Permalink to &quot;Extends&quot;">​</a></h2><ul><li><a href="./AuthorizerCacheOptions"><code>AuthorizerCacheOptions</code></a></li></ul><h2 id="properties" tabindex="-1">Properties <a class="header-anchor" href="#properties" aria-label="Permalink to &quot;Properties&quot;">​</a></h2><table tabindex="0"><thead><tr><th>Property</th><th>Type</th><th>Description</th><th>Inherited from</th></tr></thead><tbody><tr><td><a id="property-handler"></a> <code>handler</code></td><td><a href="./../type-aliases/AuthorizerHandler"><code>AuthorizerHandler</code></a>&lt;<code>RestTokenAuthorizerEvent</code>&gt;</td><td>-</td><td>-</td></tr><tr><td><a id="property-identitysource"></a> <code>identitySource?</code></td><td><code>string</code></td><td>The header carrying the token, written as API Gateway does. <strong>Default</strong> <code>&quot;method.request.header.Authorization&quot;</code></td><td>-</td></tr><tr><td><a id="property-identityvalidationexpression"></a> <code>identityValidationExpression?</code></td><td><code>string</code></td><td>A regular expression the whole token must match (API Gateway&#39;s token validation).</td><td>-</td></tr><tr><td><a id="property-resultttlinseconds"></a> <code>resultTtlInSeconds?</code></td><td><code>number</code></td><td>Time to live of a cached authorizer result, in seconds; 0 disables caching. At most 3600. <strong>Default</strong> <code>300</code></td><td><a href="./AuthorizerCacheOptions"><code>AuthorizerCacheOptions</code></a>.<a href="./AuthorizerCacheOptions#property-resultttlinseconds"><code>resultTtlInSeconds</code></a></td></tr><tr><td><a id="property-type"></a> <code>type</code></td><td><code>&quot;TOKEN&quot;</code></td><td>-</td><td>-</td></tr></tbody></table></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/@gatehouse/local-gateway/interfaces/TokenAuthorizerConfig.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const TokenAuthorizerConfig = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  TokenAuthorizerConfig as default
};
