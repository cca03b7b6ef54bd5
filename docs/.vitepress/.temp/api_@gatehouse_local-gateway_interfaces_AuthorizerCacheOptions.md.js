import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Interface: AuthorizerCacheOptions","description":"","frontmatter":{},"headers":[],"relativePath":"api/@gatehouse/local-gateway/interfaces/AuthorizerCacheOptions.md","filePath":"api/@gatehouse/local-gateway/interfaces/AuthorizerCacheOptions.md"}');
const _sfc_main = { name: "api/@gatehouse/local-gateway/interfaces/AuthorizerCacheOptions.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="interface-authorizercacheoptions" tabindex="-1">Interface: AuthorizerCacheOptions <a class="header-anchor" href="#interface-authorizercacheoptions" aria-label="Permalink to &quot;Interface: AuthorizerCacheOptions&quot;">​</a></h1><p>Authorizer result caching, as API Gateway does it: the cache key is the identity-source values; a cached response is reused for every route of the stage until it expires.</p><h2 id="extended-by" tabindex="-1">Extended by <a class="header-anchor" href="#extended-by" aria-label="Permalink to &quot;Extended by&quot;">​</a></h2><ul><li><a href="./RequestAuthorizerConfig"><code>RequestAuthorizerConfig</code></a></li><li><a href="./TokenAuthorizerConfig"><code>TokenAuthorizerConfig</code></a></li></ul><h2 id="properties" tabindex="-1">Properties <a class="header-anchor" href="#properties" aria-label="Permalink to &quot;Properties&quot;">​</a></h2><table tabindex="0"><thead><tr><th>Property</th><th>Type</th><th>Description</th></tr></thead><tbody><tr><td><a id="property-resultttlinseconds"></a> <code>resultTtlInSeconds?</code></td><td><code>number</code></td><td>Time to live of a cached authorizer result, in seconds; 0 disables caching. At most 3600. <strong>Default</strong> <code>300</code></td></tr></tbody></table></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/@gatehouse/local-gateway/interfaces/AuthorizerCacheOptions.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const AuthorizerCacheOptions = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  AuthorizerCacheOptions as default
};
