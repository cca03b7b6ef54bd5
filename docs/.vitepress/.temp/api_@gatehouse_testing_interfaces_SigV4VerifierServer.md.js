import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Interface: SigV4VerifierServer","description":"","frontmatter":{},"headers":[],"relativePath":"api/@gatehouse/testing/interfaces/SigV4VerifierServer.md","filePath":"api/@gatehouse/testing/interfaces/SigV4VerifierServer.md"}');
const _sfc_main = { name: "api/@gatehouse/testing/interfaces/SigV4VerifierServer.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="interface-sigv4verifierserver" tabindex="-1">Interface: SigV4VerifierServer <a class="header-anchor" href="#interface-sigv4verifierserver" aria-label="Permalink to &quot;Interface: SigV4VerifierServer&quot;">​</a></h1><p>A running verifier: its base URL, counters and <code>close()</code>.</p><h2 id="properties" tabindex="-1">Properties <a class="header-anchor" href="#properties" aria-label="Permalink to &quot;Properties&quot;">​</a></h2><table tabindex="0"><thead><tr><th>Property</th><th>Modifier</th><th>Type</th><th>Description</th></tr></thead><tbody><tr><td><a id="property-accepted"></a> <code>accepted</code></td><td><code>readonly</code></td><td><code>number</code></td><td>Requests answered 200.</td></tr><tr><td><a id="property-rejected"></a> <code>rejected</code></td><td><code>readonly</code></td><td><code>number</code></td><td>Requests answered 403.</td></tr><tr><td><a id="property-requests"></a> <code>requests</code></td><td><code>readonly</code></td><td><code>number</code></td><td>Requests verified so far (CORS preflights not counted).</td></tr><tr><td><a id="property-url"></a> <code>url</code></td><td><code>readonly</code></td><td><code>string</code></td><td>Base URL, <code>http://127.0.0.1:{port}</code> (no trailing slash). Any path is accepted.</td></tr></tbody></table><h2 id="methods" tabindex="-1">Methods <a class="header-anchor" href="#methods" aria-label="Permalink to &quot;Methods&quot;">​</a></h2><h3 id="close" tabindex="-1">close() <a class="header-anchor" href="#close" aria-label="Permalink to &quot;close()&quot;">​</a></h3><div class="language-ts vp-adaptive-theme"><button title="Copy Code" class="copy"></button><span class="lang">ts</span><pre class="shiki shiki-themes github-light github-dark vp-code" tabindex="0"><code><span class="line"><span style="--shiki-light:#6F42C1;--shiki-dark:#B392F0;">close</span><span style="--shiki-light:#24292E;--shiki-dark:#E1E4E8;">(): </span><span style="--shiki-light:#005CC5;--shiki-dark:#79B8FF;">Promise</span><span style="--shiki-light:#D73A49;--shiki-dark:#F97583;">&lt;void&gt;</span><span style="--shiki-light:#24292E;--shiki-dark:#E1E4E8;">;</span></span></code></pre></div><p>Stops the server and drops open connections.</p><h4 id="returns" tabindex="-1">Returns <a class="header-anchor" href="#returns" aria-label="Permalink to &quot;Returns&quot;">​</a></h4><p><code>Promise</code>&lt;<code>void</code>&gt;</p></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/@gatehouse/testing/interfaces/SigV4VerifierServer.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const SigV4VerifierServer = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  SigV4VerifierServer as default
};
