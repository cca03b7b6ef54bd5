import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Interface: RotateKeysOptions","description":"","frontmatter":{},"headers":[],"relativePath":"api/@gatehouse/testing/interfaces/RotateKeysOptions.md","filePath":"api/@gatehouse/testing/interfaces/RotateKeysOptions.md"}');
const _sfc_main = { name: "api/@gatehouse/testing/interfaces/RotateKeysOptions.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="interface-rotatekeysoptions" tabindex="-1">Interface: RotateKeysOptions <a class="header-anchor" href="#interface-rotatekeysoptions" aria-label="Permalink to &quot;Interface: RotateKeysOptions&quot;">​</a></h1><p>Options of <a href="./TestIssuer#rotatekeys">TestIssuer.rotateKeys</a>.</p><h2 id="properties" tabindex="-1">Properties <a class="header-anchor" href="#properties" aria-label="Permalink to &quot;Properties&quot;">​</a></h2><table tabindex="0"><thead><tr><th>Property</th><th>Type</th><th>Description</th></tr></thead><tbody><tr><td><a id="property-keepprevious"></a> <code>keepPrevious?</code></td><td><code>boolean</code></td><td>Keep the pre-rotation key in the JWKS as the second key. <strong>Default</strong> the issuer&#39;s <code>keepPreviousKey</code></td></tr></tbody></table></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/@gatehouse/testing/interfaces/RotateKeysOptions.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const RotateKeysOptions = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  RotateKeysOptions as default
};
