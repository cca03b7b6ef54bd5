import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Function: authorizerError()","description":"","frontmatter":{},"headers":[],"relativePath":"api/@gatehouse/authorizer/index/functions/authorizerError.md","filePath":"api/@gatehouse/authorizer/index/functions/authorizerError.md"}');
const _sfc_main = { name: "api/@gatehouse/authorizer/index/functions/authorizerError.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="function-authorizererror" tabindex="-1">Function: authorizerError() <a class="header-anchor" href="#function-authorizererror" aria-label="Permalink to &quot;Function: authorizerError()&quot;">​</a></h1><div class="language-ts vp-adaptive-theme"><button title="Copy Code" class="copy"></button><span class="lang">ts</span><pre class="shiki shiki-themes github-light github-dark vp-code" tabindex="0"><code><span class="line"><span style="--shiki-light:#D73A49;--shiki-dark:#F97583;">function</span><span style="--shiki-light:#6F42C1;--shiki-dark:#B392F0;"> authorizerError</span><span style="--shiki-light:#24292E;--shiki-dark:#E1E4E8;">(</span></span>
<span class="line"><span style="--shiki-light:#E36209;--shiki-dark:#FFAB70;">   code</span><span style="--shiki-light:#24292E;--shiki-dark:#E1E4E8;">, </span></span>
<span class="line"><span style="--shiki-light:#E36209;--shiki-dark:#FFAB70;">   message</span><span style="--shiki-light:#24292E;--shiki-dark:#E1E4E8;">, </span></span>
<span class="line"><span style="--shiki-light:#E36209;--shiki-dark:#FFAB70;">   options</span><span style="--shiki-light:#D73A49;--shiki-dark:#F97583;">?</span></span>
<span class="line"><span style="--shiki-light:#24292E;--shiki-dark:#E1E4E8;">)</span><span style="--shiki-light:#D73A49;--shiki-dark:#F97583;">:</span><span style="--shiki-light:#6F42C1;--shiki-dark:#B392F0;"> AuthorizerError</span><span style="--shiki-light:#24292E;--shiki-dark:#E1E4E8;">;</span></span></code></pre></div><p>Builds the right subclass for a code: <a href="./../classes/TokenError">TokenError</a>, <a href="./../classes/JwksError">JwksError</a>, <a href="./../classes/AccessDeniedError">AccessDeniedError</a>, <a href="./../classes/EventError">EventError</a> or the base <a href="./../classes/AuthorizerError">AuthorizerError</a>.</p><h2 id="parameters" tabindex="-1">Parameters <a class="header-anchor" href="#parameters" aria-label="Permalink to &quot;Parameters&quot;">​</a></h2><table tabindex="0"><thead><tr><th>Parameter</th><th>Type</th></tr></thead><tbody><tr><td><code>code</code></td><td><a href="./../type-aliases/AuthorizerErrorCode"><code>AuthorizerErrorCode</code></a></td></tr><tr><td><code>message</code></td><td><code>string</code></td></tr><tr><td><code>options?</code></td><td><a href="./../interfaces/AuthorizerErrorOptions"><code>AuthorizerErrorOptions</code></a></td></tr></tbody></table><h2 id="returns" tabindex="-1">Returns <a class="header-anchor" href="#returns" aria-label="Permalink to &quot;Returns&quot;">​</a></h2><p><a href="./../classes/AuthorizerError"><code>AuthorizerError</code></a></p></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/@gatehouse/authorizer/index/functions/authorizerError.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const authorizerError = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  authorizerError as default
};
