import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Interface: MemoizeCredentialsOptions","description":"","frontmatter":{},"headers":[],"relativePath":"api/@gatehouse/sigv4/interfaces/MemoizeCredentialsOptions.md","filePath":"api/@gatehouse/sigv4/interfaces/MemoizeCredentialsOptions.md"}');
const _sfc_main = { name: "api/@gatehouse/sigv4/interfaces/MemoizeCredentialsOptions.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="interface-memoizecredentialsoptions" tabindex="-1">Interface: MemoizeCredentialsOptions <a class="header-anchor" href="#interface-memoizecredentialsoptions" aria-label="Permalink to &quot;Interface: MemoizeCredentialsOptions&quot;">​</a></h1><p>Options of <a href="./../functions/memoizeCredentials">memoizeCredentials</a>.</p><h2 id="properties" tabindex="-1">Properties <a class="header-anchor" href="#properties" aria-label="Permalink to &quot;Properties&quot;">​</a></h2><table tabindex="0"><thead><tr><th>Property</th><th>Type</th><th>Description</th></tr></thead><tbody><tr><td><a id="property-now"></a> <code>now?</code></td><td>() =&gt; <code>number</code></td><td>The current time in milliseconds since the epoch. Pass a corrected clock (the signed fetch passes its corrected clock) so that <code>expiration</code>, which is server time, is compared with server time. <strong>Default</strong> <code>Date.now</code></td></tr><tr><td><a id="property-refreshbeforeexpiryseconds"></a> <code>refreshBeforeExpirySeconds?</code></td><td><code>number</code></td><td>How long before <code>expiration</code> to fetch new credentials, in seconds. Requests signed just before the expiry may still be in flight (or retried) when it passes. <strong>Default</strong> <code>300</code></td></tr></tbody></table></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/@gatehouse/sigv4/interfaces/MemoizeCredentialsOptions.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const MemoizeCredentialsOptions = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  MemoizeCredentialsOptions as default
};
