import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Interface: SigV4Acceptance","description":"","frontmatter":{},"headers":[],"relativePath":"api/@gatehouse/testing/interfaces/SigV4Acceptance.md","filePath":"api/@gatehouse/testing/interfaces/SigV4Acceptance.md"}');
const _sfc_main = { name: "api/@gatehouse/testing/interfaces/SigV4Acceptance.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="interface-sigv4acceptance" tabindex="-1">Interface: SigV4Acceptance <a class="header-anchor" href="#interface-sigv4acceptance" aria-label="Permalink to &quot;Interface: SigV4Acceptance&quot;">​</a></h1><p>A request the verifier accepted: who signed it and how.</p><h2 id="properties" tabindex="-1">Properties <a class="header-anchor" href="#properties" aria-label="Permalink to &quot;Properties&quot;">​</a></h2><table tabindex="0"><thead><tr><th>Property</th><th>Type</th><th>Description</th></tr></thead><tbody><tr><td><a id="property-accesskeyid"></a> <code>accessKeyId</code></td><td><code>string</code></td><td>The access key id of the credential scope.</td></tr><tr><td><a id="property-ok"></a> <code>ok</code></td><td><code>true</code></td><td>-</td></tr><tr><td><a id="property-presigned"></a> <code>presigned</code></td><td><code>boolean</code></td><td>True for a presigned (query-string) request, false for an <code>Authorization</code> header.</td></tr></tbody></table></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/@gatehouse/testing/interfaces/SigV4Acceptance.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const SigV4Acceptance = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  SigV4Acceptance as default
};
