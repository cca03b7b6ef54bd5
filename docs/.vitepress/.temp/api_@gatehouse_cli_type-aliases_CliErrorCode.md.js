import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Type Alias: CliErrorCode","description":"","frontmatter":{},"headers":[],"relativePath":"api/@gatehouse/cli/type-aliases/CliErrorCode.md","filePath":"api/@gatehouse/cli/type-aliases/CliErrorCode.md"}');
const _sfc_main = { name: "api/@gatehouse/cli/type-aliases/CliErrorCode.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="type-alias-clierrorcode" tabindex="-1">Type Alias: CliErrorCode <a class="header-anchor" href="#type-alias-clierrorcode" aria-label="Permalink to &quot;Type Alias: CliErrorCode&quot;">​</a></h1><div class="language-ts vp-adaptive-theme"><button title="Copy Code" class="copy"></button><span class="lang">ts</span><pre class="shiki shiki-themes github-light github-dark vp-code" tabindex="0"><code><span class="line"><span style="--shiki-light:#D73A49;--shiki-dark:#F97583;">type</span><span style="--shiki-light:#6F42C1;--shiki-dark:#B392F0;"> CliErrorCode</span><span style="--shiki-light:#D73A49;--shiki-dark:#F97583;"> =</span><span style="--shiki-light:#032F62;--shiki-dark:#9ECBFF;"> &quot;usage&quot;</span><span style="--shiki-light:#D73A49;--shiki-dark:#F97583;"> |</span><span style="--shiki-light:#032F62;--shiki-dark:#9ECBFF;"> &quot;denied&quot;</span><span style="--shiki-light:#D73A49;--shiki-dark:#F97583;"> |</span><span style="--shiki-light:#032F62;--shiki-dark:#9ECBFF;"> &quot;runtime&quot;</span><span style="--shiki-light:#24292E;--shiki-dark:#E1E4E8;">;</span></span></code></pre></div><p>Why a command stopped: <code>usage</code> (the command line is wrong, exit 2), <code>denied</code> (a service said no, exit 1) or <code>runtime</code> (something failed, exit 3). Commands that check something return exit code 1 for a negative answer without throwing.</p></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/@gatehouse/cli/type-aliases/CliErrorCode.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const CliErrorCode = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  CliErrorCode as default
};
