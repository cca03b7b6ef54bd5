import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Interface: JwtHeader","description":"","frontmatter":{},"headers":[],"relativePath":"api/@gatehouse/authorizer/index/interfaces/JwtHeader.md","filePath":"api/@gatehouse/authorizer/index/interfaces/JwtHeader.md"}');
const _sfc_main = { name: "api/@gatehouse/authorizer/index/interfaces/JwtHeader.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="interface-jwtheader" tabindex="-1">Interface: JwtHeader <a class="header-anchor" href="#interface-jwtheader" aria-label="Permalink to &quot;Interface: JwtHeader&quot;">​</a></h1><p>The protected header of a JWS, as the token carries it.</p><h2 id="indexable" tabindex="-1">Indexable <a class="header-anchor" href="#indexable" aria-label="Permalink to &quot;Indexable&quot;">​</a></h2><div class="language-ts vp-adaptive-theme"><button title="Copy Code" class="copy"></button><span class="lang">ts</span><pre class="shiki shiki-themes github-light github-dark vp-code" tabindex="0"><code><span class="line"><span style="--shiki-light:#24292E;--shiki-dark:#E1E4E8;">[key: string]: unknown</span></span></code></pre></div><h2 id="properties" tabindex="-1">Properties <a class="header-anchor" href="#properties" aria-label="Permalink to &quot;Properties&quot;">​</a></h2><table tabindex="0"><thead><tr><th>Property</th><th>Type</th></tr></thead><tbody><tr><td><a id="property-alg"></a> <code>alg</code></td><td><code>string</code></td></tr><tr><td><a id="property-kid"></a> <code>kid?</code></td><td><code>string</code></td></tr><tr><td><a id="property-typ"></a> <code>typ?</code></td><td><code>string</code></td></tr></tbody></table></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/@gatehouse/authorizer/index/interfaces/JwtHeader.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const JwtHeader = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  JwtHeader as default
};
