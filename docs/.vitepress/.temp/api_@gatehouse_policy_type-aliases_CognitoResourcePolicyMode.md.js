import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Type Alias: CognitoResourcePolicyMode","description":"","frontmatter":{},"headers":[],"relativePath":"api/@gatehouse/policy/type-aliases/CognitoResourcePolicyMode.md","filePath":"api/@gatehouse/policy/type-aliases/CognitoResourcePolicyMode.md"}');
const _sfc_main = { name: "api/@gatehouse/policy/type-aliases/CognitoResourcePolicyMode.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="type-alias-cognitoresourcepolicymode" tabindex="-1">Type Alias: CognitoResourcePolicyMode <a class="header-anchor" href="#type-alias-cognitoresourcepolicymode" aria-label="Permalink to &quot;Type Alias: CognitoResourcePolicyMode&quot;">​</a></h1><div class="language-ts vp-adaptive-theme"><button title="Copy Code" class="copy"></button><span class="lang">ts</span><pre class="shiki shiki-themes github-light github-dark vp-code" tabindex="0"><code><span class="line"><span style="--shiki-light:#D73A49;--shiki-dark:#F97583;">type</span><span style="--shiki-light:#6F42C1;--shiki-dark:#B392F0;"> CognitoResourcePolicyMode</span><span style="--shiki-light:#D73A49;--shiki-dark:#F97583;"> =</span><span style="--shiki-light:#032F62;--shiki-dark:#9ECBFF;"> &quot;must-allow&quot;</span><span style="--shiki-light:#D73A49;--shiki-dark:#F97583;"> |</span><span style="--shiki-light:#032F62;--shiki-dark:#9ECBFF;"> &quot;silent-allows&quot;</span><span style="--shiki-light:#24292E;--shiki-dark:#E1E4E8;">;</span></span></code></pre></div><p>How a Cognito-authorized method combines with a resource policy that is silent for the caller. The guide contradicts itself: its table says a silent resource policy allows (<code>&quot;silent-allows&quot;</code>), its prose says the resource policy must explicitly allow (<code>&quot;must-allow&quot;</code>).</p></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/@gatehouse/policy/type-aliases/CognitoResourcePolicyMode.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const CognitoResourcePolicyMode = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  CognitoResourcePolicyMode as default
};
