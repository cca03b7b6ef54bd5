import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Type Alias: HttpApiAuthorizerOptions<C>","description":"","frontmatter":{},"headers":[],"relativePath":"api/@gatehouse/authorizer/index/type-aliases/HttpApiAuthorizerOptions.md","filePath":"api/@gatehouse/authorizer/index/type-aliases/HttpApiAuthorizerOptions.md"}');
const _sfc_main = { name: "api/@gatehouse/authorizer/index/type-aliases/HttpApiAuthorizerOptions.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="type-alias-httpapiauthorizeroptions-c" tabindex="-1">Type Alias: HttpApiAuthorizerOptions&lt;C&gt; <a class="header-anchor" href="#type-alias-httpapiauthorizeroptions-c" aria-label="Permalink to &quot;Type Alias: HttpApiAuthorizerOptions\\&lt;C\\&gt;&quot;">​</a></h1><div class="language-ts vp-adaptive-theme"><button title="Copy Code" class="copy"></button><span class="lang">ts</span><pre class="shiki shiki-themes github-light github-dark vp-code" tabindex="0"><code><span class="line"><span style="--shiki-light:#D73A49;--shiki-dark:#F97583;">type</span><span style="--shiki-light:#6F42C1;--shiki-dark:#B392F0;"> HttpApiAuthorizerOptions</span><span style="--shiki-light:#24292E;--shiki-dark:#E1E4E8;">&lt;</span><span style="--shiki-light:#6F42C1;--shiki-dark:#B392F0;">C</span><span style="--shiki-light:#24292E;--shiki-dark:#E1E4E8;">&gt; </span><span style="--shiki-light:#D73A49;--shiki-dark:#F97583;">=</span><span style="--shiki-light:#6F42C1;--shiki-dark:#B392F0;"> AuthorizerOptions</span><span style="--shiki-light:#24292E;--shiki-dark:#E1E4E8;">&lt;</span><span style="--shiki-light:#6F42C1;--shiki-dark:#B392F0;">C</span><span style="--shiki-light:#24292E;--shiki-dark:#E1E4E8;">&gt;;</span></span></code></pre></div><p>Options of <a href="./../functions/createHttpApiAuthorizer">createHttpApiAuthorizer</a>.</p><h2 id="type-parameters" tabindex="-1">Type Parameters <a class="header-anchor" href="#type-parameters" aria-label="Permalink to &quot;Type Parameters&quot;">​</a></h2><table tabindex="0"><thead><tr><th>Type Parameter</th><th>Default type</th></tr></thead><tbody><tr><td><a id="type-parameter-c"></a> <code>C</code> <em>extends</em> <a href="./../interfaces/JwtClaims"><code>JwtClaims</code></a></td><td><a href="./../interfaces/JwtClaims"><code>JwtClaims</code></a></td></tr></tbody></table></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/@gatehouse/authorizer/index/type-aliases/HttpApiAuthorizerOptions.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const HttpApiAuthorizerOptions = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  HttpApiAuthorizerOptions as default
};
