import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Interface: JwksFaultOptions","description":"","frontmatter":{},"headers":[],"relativePath":"api/@gatehouse/testing/interfaces/JwksFaultOptions.md","filePath":"api/@gatehouse/testing/interfaces/JwksFaultOptions.md"}');
const _sfc_main = { name: "api/@gatehouse/testing/interfaces/JwksFaultOptions.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="interface-jwksfaultoptions" tabindex="-1">Interface: JwksFaultOptions <a class="header-anchor" href="#interface-jwksfaultoptions" aria-label="Permalink to &quot;Interface: JwksFaultOptions&quot;">​</a></h1><p>Options of <a href="./TestIssuer#setfault">TestIssuer.setFault</a>.</p><h2 id="properties" tabindex="-1">Properties <a class="header-anchor" href="#properties" aria-label="Permalink to &quot;Properties&quot;">​</a></h2><table tabindex="0"><thead><tr><th>Property</th><th>Type</th><th>Description</th></tr></thead><tbody><tr><td><a id="property-chunked"></a> <code>chunked?</code></td><td><code>boolean</code></td><td>Stream the <code>&quot;oversized&quot;</code> body without a <code>Content-Length</code> header. <strong>Default</strong> <code>false</code></td></tr><tr><td><a id="property-delayms"></a> <code>delayMs?</code></td><td><code>number</code></td><td>Delay of the <code>&quot;slow&quot;</code> fault, in milliseconds. <strong>Default</strong> <code>2000</code></td></tr><tr><td><a id="property-sizebytes"></a> <code>sizeBytes?</code></td><td><code>number</code></td><td>Body size of the <code>&quot;oversized&quot;</code> fault, in bytes. <strong>Default</strong> <code>2097152</code></td></tr></tbody></table></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/@gatehouse/testing/interfaces/JwksFaultOptions.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const JwksFaultOptions = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  JwksFaultOptions as default
};
