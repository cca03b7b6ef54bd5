import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Type Alias: RestProxyAuthorizerContext","description":"","frontmatter":{},"headers":[],"relativePath":"api/@gatehouse/local-gateway/type-aliases/RestProxyAuthorizerContext.md","filePath":"api/@gatehouse/local-gateway/type-aliases/RestProxyAuthorizerContext.md"}');
const _sfc_main = { name: "api/@gatehouse/local-gateway/type-aliases/RestProxyAuthorizerContext.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="type-alias-restproxyauthorizercontext" tabindex="-1">Type Alias: RestProxyAuthorizerContext <a class="header-anchor" href="#type-alias-restproxyauthorizercontext" aria-label="Permalink to &quot;Type Alias: RestProxyAuthorizerContext&quot;">​</a></h1><div class="language-ts vp-adaptive-theme"><button title="Copy Code" class="copy"></button><span class="lang">ts</span><pre class="shiki shiki-themes github-light github-dark vp-code" tabindex="0"><code><span class="line"><span style="--shiki-light:#D73A49;--shiki-dark:#F97583;">type</span><span style="--shiki-light:#6F42C1;--shiki-dark:#B392F0;"> RestProxyAuthorizerContext</span><span style="--shiki-light:#D73A49;--shiki-dark:#F97583;"> =</span><span style="--shiki-light:#6F42C1;--shiki-dark:#B392F0;"> Record</span><span style="--shiki-light:#24292E;--shiki-dark:#E1E4E8;">&lt;</span><span style="--shiki-light:#005CC5;--shiki-dark:#79B8FF;">string</span><span style="--shiki-light:#24292E;--shiki-dark:#E1E4E8;">, </span><span style="--shiki-light:#005CC5;--shiki-dark:#79B8FF;">unknown</span><span style="--shiki-light:#24292E;--shiki-dark:#E1E4E8;">&gt;;</span></span></code></pre></div><p><code>requestContext.authorizer</code> of a REST or payload-1.0 event: <code>principalId</code> and the authorizer&#39;s <code>context</code> values as strings (Lambda), or <code>claims</code> (Cognito / JWT). <code>null</code> when no authorizer.</p></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/@gatehouse/local-gateway/type-aliases/RestProxyAuthorizerContext.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const RestProxyAuthorizerContext = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  RestProxyAuthorizerContext as default
};
