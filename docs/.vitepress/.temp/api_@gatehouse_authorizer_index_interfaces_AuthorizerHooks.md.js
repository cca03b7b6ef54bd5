import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Interface: AuthorizerHooks","description":"","frontmatter":{},"headers":[],"relativePath":"api/@gatehouse/authorizer/index/interfaces/AuthorizerHooks.md","filePath":"api/@gatehouse/authorizer/index/interfaces/AuthorizerHooks.md"}');
const _sfc_main = { name: "api/@gatehouse/authorizer/index/interfaces/AuthorizerHooks.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="interface-authorizerhooks" tabindex="-1">Interface: AuthorizerHooks <a class="header-anchor" href="#interface-authorizerhooks" aria-label="Permalink to &quot;Interface: AuthorizerHooks&quot;">​</a></h1><p>Observability hooks. A hook that throws is ignored.</p><h2 id="methods" tabindex="-1">Methods <a class="header-anchor" href="#methods" aria-label="Permalink to &quot;Methods&quot;">​</a></h2><h3 id="ondecision" tabindex="-1">onDecision()? <a class="header-anchor" href="#ondecision" aria-label="Permalink to &quot;onDecision()?&quot;">​</a></h3><div class="language-ts vp-adaptive-theme"><button title="Copy Code" class="copy"></button><span class="lang">ts</span><pre class="shiki shiki-themes github-light github-dark vp-code" tabindex="0"><code><span class="line"><span style="--shiki-light:#24292E;--shiki-dark:#E1E4E8;">onDecision</span><span style="--shiki-light:#D73A49;--shiki-dark:#F97583;">?</span><span style="--shiki-light:#24292E;--shiki-dark:#E1E4E8;">(log)</span><span style="--shiki-light:#D73A49;--shiki-dark:#F97583;">:</span><span style="--shiki-light:#D73A49;--shiki-dark:#F97583;"> void</span><span style="--shiki-light:#24292E;--shiki-dark:#E1E4E8;">;</span></span></code></pre></div><h4 id="parameters" tabindex="-1">Parameters <a class="header-anchor" href="#parameters" aria-label="Permalink to &quot;Parameters&quot;">​</a></h4><table tabindex="0"><thead><tr><th>Parameter</th><th>Type</th></tr></thead><tbody><tr><td><code>log</code></td><td><a href="./DecisionLog"><code>DecisionLog</code></a></td></tr></tbody></table><h4 id="returns" tabindex="-1">Returns <a class="header-anchor" href="#returns" aria-label="Permalink to &quot;Returns&quot;">​</a></h4><p><code>void</code></p></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/@gatehouse/authorizer/index/interfaces/AuthorizerHooks.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const AuthorizerHooks = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  AuthorizerHooks as default
};
