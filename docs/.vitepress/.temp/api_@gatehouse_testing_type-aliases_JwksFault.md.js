import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Type Alias: JwksFault","description":"","frontmatter":{},"headers":[],"relativePath":"api/@gatehouse/testing/type-aliases/JwksFault.md","filePath":"api/@gatehouse/testing/type-aliases/JwksFault.md"}');
const _sfc_main = { name: "api/@gatehouse/testing/type-aliases/JwksFault.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="type-alias-jwksfault" tabindex="-1">Type Alias: JwksFault <a class="header-anchor" href="#type-alias-jwksfault" aria-label="Permalink to &quot;Type Alias: JwksFault&quot;">​</a></h1><div class="language-ts vp-adaptive-theme"><button title="Copy Code" class="copy"></button><span class="lang">ts</span><pre class="shiki shiki-themes github-light github-dark vp-code" tabindex="0"><code><span class="line"><span style="--shiki-light:#D73A49;--shiki-dark:#F97583;">type</span><span style="--shiki-light:#6F42C1;--shiki-dark:#B392F0;"> JwksFault</span><span style="--shiki-light:#D73A49;--shiki-dark:#F97583;"> =</span><span style="--shiki-light:#032F62;--shiki-dark:#9ECBFF;"> &quot;none&quot;</span><span style="--shiki-light:#D73A49;--shiki-dark:#F97583;"> |</span><span style="--shiki-light:#032F62;--shiki-dark:#9ECBFF;"> &quot;slow&quot;</span><span style="--shiki-light:#D73A49;--shiki-dark:#F97583;"> |</span><span style="--shiki-light:#032F62;--shiki-dark:#9ECBFF;"> &quot;status-500&quot;</span><span style="--shiki-light:#D73A49;--shiki-dark:#F97583;"> |</span><span style="--shiki-light:#032F62;--shiki-dark:#9ECBFF;"> &quot;malformed&quot;</span><span style="--shiki-light:#D73A49;--shiki-dark:#F97583;"> |</span><span style="--shiki-light:#032F62;--shiki-dark:#9ECBFF;"> &quot;oversized&quot;</span><span style="--shiki-light:#D73A49;--shiki-dark:#F97583;"> |</span><span style="--shiki-light:#032F62;--shiki-dark:#9ECBFF;"> &quot;empty&quot;</span><span style="--shiki-light:#24292E;--shiki-dark:#E1E4E8;">;</span></span></code></pre></div><p>How the JWKS endpoint of a <a href="./../interfaces/TestIssuer">TestIssuer</a> misbehaves:</p><ul><li><code>&quot;none&quot;</code>: serves the key set.</li><li><code>&quot;slow&quot;</code>: answers after <code>delayMs</code> (default 2000 ms); pending answers end on <code>close()</code>.</li><li><code>&quot;status-500&quot;</code>: <code>500</code> with a JSON error body.</li><li><code>&quot;malformed&quot;</code>: <code>200</code> with truncated, invalid JSON.</li><li><code>&quot;oversized&quot;</code>: <code>200</code> with valid-looking JSON of <code>sizeBytes</code> (default 2 MiB).</li><li><code>&quot;empty&quot;</code>: <code>{&quot;keys&quot;:[]}</code>.</li></ul></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/@gatehouse/testing/type-aliases/JwksFault.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const JwksFault = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  JwksFault as default
};
