import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Interface: SigV4VerifierOptions","description":"","frontmatter":{},"headers":[],"relativePath":"api/@gatehouse/testing/interfaces/SigV4VerifierOptions.md","filePath":"api/@gatehouse/testing/interfaces/SigV4VerifierOptions.md"}');
const _sfc_main = { name: "api/@gatehouse/testing/interfaces/SigV4VerifierOptions.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="interface-sigv4verifieroptions" tabindex="-1">Interface: SigV4VerifierOptions <a class="header-anchor" href="#interface-sigv4verifieroptions" aria-label="Permalink to &quot;Interface: SigV4VerifierOptions&quot;">​</a></h1><p>Options of <a href="./../functions/verifySigV4">verifySigV4</a> and <a href="./../functions/startSigV4Verifier">startSigV4Verifier</a>.</p><h2 id="extended-by" tabindex="-1">Extended by <a class="header-anchor" href="#extended-by" aria-label="Permalink to &quot;Extended by&quot;">​</a></h2><ul><li><a href="./SigV4VerifierServerOptions"><code>SigV4VerifierServerOptions</code></a></li></ul><h2 id="properties" tabindex="-1">Properties <a class="header-anchor" href="#properties" aria-label="Permalink to &quot;Properties&quot;">​</a></h2><table tabindex="0"><thead><tr><th>Property</th><th>Type</th><th>Description</th></tr></thead><tbody><tr><td><a id="property-credentials"></a> <code>credentials</code></td><td>readonly <a href="./SigV4VerifierCredentials"><code>SigV4VerifierCredentials</code></a>[]</td><td>The key pairs accepted; a request signed by any other access key id is refused.</td></tr><tr><td><a id="property-maxskewseconds"></a> <code>maxSkewSeconds?</code></td><td><code>number</code></td><td>Allowed difference between <code>X-Amz-Date</code> and <code>now()</code>, in seconds, in either direction. <strong>Default</strong> <code>300 (API Gateway&#39;s 5 minutes)</code></td></tr><tr><td><a id="property-now"></a> <code>now?</code></td><td>() =&gt; <code>Date</code></td><td>The verifier&#39;s clock (also the server&#39;s <code>Date</code> header). Inject it to test clock skew. <strong>Default</strong> <code>() =&gt; new Date()</code></td></tr><tr><td><a id="property-region"></a> <code>region</code></td><td><code>string</code></td><td>The region the credential scope must name, e.g. <code>eu-west-1</code>.</td></tr><tr><td><a id="property-service"></a> <code>service?</code></td><td><code>string</code></td><td>The service the credential scope must name. <strong>Default</strong> <code>&quot;execute-api&quot;</code></td></tr></tbody></table></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/@gatehouse/testing/interfaces/SigV4VerifierOptions.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const SigV4VerifierOptions = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  SigV4VerifierOptions as default
};
