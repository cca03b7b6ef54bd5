import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Interface: RetryOptions","description":"","frontmatter":{},"headers":[],"relativePath":"api/@gatehouse/identity-pool/interfaces/RetryOptions.md","filePath":"api/@gatehouse/identity-pool/interfaces/RetryOptions.md"}');
const _sfc_main = { name: "api/@gatehouse/identity-pool/interfaces/RetryOptions.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="interface-retryoptions" tabindex="-1">Interface: RetryOptions <a class="header-anchor" href="#interface-retryoptions" aria-label="Permalink to &quot;Interface: RetryOptions&quot;">​</a></h1><p>Retries of throttling, 5xx answers and network failures, with exponential backoff and full jitter.</p><h2 id="properties" tabindex="-1">Properties <a class="header-anchor" href="#properties" aria-label="Permalink to &quot;Properties&quot;">​</a></h2><table tabindex="0"><thead><tr><th>Property</th><th>Type</th><th>Description</th></tr></thead><tbody><tr><td><a id="property-basedelayms"></a> <code>baseDelayMs?</code></td><td><code>number</code></td><td>Backoff base, in milliseconds: retry n waits a random time below <code>baseDelayMs * 2^(n-1)</code>. <strong>Default</strong> <code>100</code></td></tr><tr><td><a id="property-maxattempts"></a> <code>maxAttempts?</code></td><td><code>number</code></td><td>Attempts in all, the first included; 1 turns retries off. <strong>Default</strong> <code>4</code></td></tr><tr><td><a id="property-maxdelayms"></a> <code>maxDelayMs?</code></td><td><code>number</code></td><td>Longest backoff, in milliseconds. <strong>Default</strong> <code>5000</code></td></tr></tbody></table></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/@gatehouse/identity-pool/interfaces/RetryOptions.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const RetryOptions = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  RetryOptions as default
};
