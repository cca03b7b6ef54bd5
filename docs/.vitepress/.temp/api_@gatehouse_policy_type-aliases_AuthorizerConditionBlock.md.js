import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Type Alias: AuthorizerConditionBlock","description":"","frontmatter":{},"headers":[],"relativePath":"api/@gatehouse/policy/type-aliases/AuthorizerConditionBlock.md","filePath":"api/@gatehouse/policy/type-aliases/AuthorizerConditionBlock.md"}');
const _sfc_main = { name: "api/@gatehouse/policy/type-aliases/AuthorizerConditionBlock.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="type-alias-authorizerconditionblock" tabindex="-1">Type Alias: AuthorizerConditionBlock <a class="header-anchor" href="#type-alias-authorizerconditionblock" aria-label="Permalink to &quot;Type Alias: AuthorizerConditionBlock&quot;">​</a></h1><div class="language-ts vp-adaptive-theme"><button title="Copy Code" class="copy"></button><span class="lang">ts</span><pre class="shiki shiki-themes github-light github-dark vp-code" tabindex="0"><code><span class="line"><span style="--shiki-light:#D73A49;--shiki-dark:#F97583;">type</span><span style="--shiki-light:#6F42C1;--shiki-dark:#B392F0;"> AuthorizerConditionBlock</span><span style="--shiki-light:#D73A49;--shiki-dark:#F97583;"> =</span><span style="--shiki-light:#6F42C1;--shiki-dark:#B392F0;"> Record</span><span style="--shiki-light:#24292E;--shiki-dark:#E1E4E8;">&lt;</span><span style="--shiki-light:#005CC5;--shiki-dark:#79B8FF;">string</span><span style="--shiki-light:#24292E;--shiki-dark:#E1E4E8;">, </span><span style="--shiki-light:#6F42C1;--shiki-dark:#B392F0;">Record</span><span style="--shiki-light:#24292E;--shiki-dark:#E1E4E8;">&lt;</span><span style="--shiki-light:#005CC5;--shiki-dark:#79B8FF;">string</span><span style="--shiki-light:#24292E;--shiki-dark:#E1E4E8;">, </span><span style="--shiki-light:#005CC5;--shiki-dark:#79B8FF;">string</span><span style="--shiki-light:#D73A49;--shiki-dark:#F97583;"> |</span><span style="--shiki-light:#005CC5;--shiki-dark:#79B8FF;"> string</span><span style="--shiki-light:#24292E;--shiki-dark:#E1E4E8;">[]&gt;&gt;;</span></span></code></pre></div><p>A <code>Condition</code> block as a Lambda-authorizer policy carries it: operator -&gt; key -&gt; string value(s). Narrower than the resource-policy <code>ConditionBlock</code> (no numbers or booleans) so that a response stays assignable to <code>APIGatewayAuthorizerResult</code> from <code>@types/aws-lambda</code>; it is still assignable to <code>ConditionBlock</code>.</p></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/@gatehouse/policy/type-aliases/AuthorizerConditionBlock.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const AuthorizerConditionBlock = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  AuthorizerConditionBlock as default
};
