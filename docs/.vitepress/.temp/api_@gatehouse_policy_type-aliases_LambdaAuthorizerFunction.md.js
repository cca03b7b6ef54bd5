import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Type Alias: LambdaAuthorizerFunction","description":"","frontmatter":{},"headers":[],"relativePath":"api/@gatehouse/policy/type-aliases/LambdaAuthorizerFunction.md","filePath":"api/@gatehouse/policy/type-aliases/LambdaAuthorizerFunction.md"}');
const _sfc_main = { name: "api/@gatehouse/policy/type-aliases/LambdaAuthorizerFunction.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="type-alias-lambdaauthorizerfunction" tabindex="-1">Type Alias: LambdaAuthorizerFunction <a class="header-anchor" href="#type-alias-lambdaauthorizerfunction" aria-label="Permalink to &quot;Type Alias: LambdaAuthorizerFunction&quot;">​</a></h1><div class="language-ts vp-adaptive-theme"><button title="Copy Code" class="copy"></button><span class="lang">ts</span><pre class="shiki shiki-themes github-light github-dark vp-code" tabindex="0"><code><span class="line"><span style="--shiki-light:#D73A49;--shiki-dark:#F97583;">type</span><span style="--shiki-light:#6F42C1;--shiki-dark:#B392F0;"> LambdaAuthorizerFunction</span><span style="--shiki-light:#D73A49;--shiki-dark:#F97583;"> =</span><span style="--shiki-light:#24292E;--shiki-dark:#E1E4E8;"> (</span><span style="--shiki-light:#E36209;--shiki-dark:#FFAB70;">invocation</span><span style="--shiki-light:#24292E;--shiki-dark:#E1E4E8;">) </span><span style="--shiki-light:#D73A49;--shiki-dark:#F97583;">=&gt;</span><span style="--shiki-light:#24292E;--shiki-dark:#E1E4E8;"> </span></span>
<span class="line"><span style="--shiki-light:#D73A49;--shiki-dark:#F97583;">  |</span><span style="--shiki-light:#6F42C1;--shiki-dark:#B392F0;"> LambdaAuthorizerOutcome</span></span>
<span class="line"><span style="--shiki-light:#D73A49;--shiki-dark:#F97583;">  |</span><span style="--shiki-light:#005CC5;--shiki-dark:#79B8FF;"> unknown</span></span>
<span class="line"><span style="--shiki-light:#D73A49;--shiki-dark:#F97583;">|</span><span style="--shiki-light:#6F42C1;--shiki-dark:#B392F0;"> Promise</span><span style="--shiki-light:#24292E;--shiki-dark:#E1E4E8;">&lt;</span><span style="--shiki-light:#6F42C1;--shiki-dark:#B392F0;">LambdaAuthorizerOutcome</span><span style="--shiki-light:#D73A49;--shiki-dark:#F97583;"> |</span><span style="--shiki-light:#005CC5;--shiki-dark:#79B8FF;"> unknown</span><span style="--shiki-light:#24292E;--shiki-dark:#E1E4E8;">&gt;;</span></span></code></pre></div><p>An authorizer the model calls at most once, only when the two-phase rule lets the request reach it. Like a real handler it may be async, and throwing <code>new Error(&quot;Unauthorized&quot;)</code> means 401; any other throw means 500. Returning a value that is not a valid response also means 500.</p><h2 id="parameters" tabindex="-1">Parameters <a class="header-anchor" href="#parameters" aria-label="Permalink to &quot;Parameters&quot;">​</a></h2><table tabindex="0"><thead><tr><th>Parameter</th><th>Type</th></tr></thead><tbody><tr><td><code>invocation</code></td><td><a href="./../interfaces/AuthorizerInvocation"><code>AuthorizerInvocation</code></a></td></tr></tbody></table><h2 id="returns" tabindex="-1">Returns <a class="header-anchor" href="#returns" aria-label="Permalink to &quot;Returns&quot;">​</a></h2><p>| <a href="./LambdaAuthorizerOutcome"><code>LambdaAuthorizerOutcome</code></a> | <code>unknown</code> | <code>Promise</code>&lt;<a href="./LambdaAuthorizerOutcome"><code>LambdaAuthorizerOutcome</code></a> | <code>unknown</code>&gt;</p></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/@gatehouse/policy/type-aliases/LambdaAuthorizerFunction.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const LambdaAuthorizerFunction = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  LambdaAuthorizerFunction as default
};
