import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Variable: JWT_ALGORITHMS","description":"","frontmatter":{},"headers":[],"relativePath":"api/@gatehouse/authorizer/index/variables/JWT_ALGORITHMS.md","filePath":"api/@gatehouse/authorizer/index/variables/JWT_ALGORITHMS.md"}');
const _sfc_main = { name: "api/@gatehouse/authorizer/index/variables/JWT_ALGORITHMS.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="variable-jwt-algorithms" tabindex="-1">Variable: JWT_ALGORITHMS <a class="header-anchor" href="#variable-jwt-algorithms" aria-label="Permalink to &quot;Variable: JWT\\_ALGORITHMS&quot;">​</a></h1><div class="language-ts vp-adaptive-theme"><button title="Copy Code" class="copy"></button><span class="lang">ts</span><pre class="shiki shiki-themes github-light github-dark vp-code" tabindex="0"><code><span class="line"><span style="--shiki-light:#D73A49;--shiki-dark:#F97583;">const</span><span style="--shiki-light:#005CC5;--shiki-dark:#79B8FF;"> JWT_ALGORITHMS</span><span style="--shiki-light:#D73A49;--shiki-dark:#F97583;">:</span><span style="--shiki-light:#D73A49;--shiki-dark:#F97583;"> readonly</span><span style="--shiki-light:#6F42C1;--shiki-dark:#B392F0;"> JwtAlgorithm</span><span style="--shiki-light:#24292E;--shiki-dark:#E1E4E8;">[];</span></span></code></pre></div><p>Every <a href="./../type-aliases/JwtAlgorithm">JwtAlgorithm</a>, for validating configuration.</p></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/@gatehouse/authorizer/index/variables/JWT_ALGORITHMS.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const JWT_ALGORITHMS = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  JWT_ALGORITHMS as default
};
