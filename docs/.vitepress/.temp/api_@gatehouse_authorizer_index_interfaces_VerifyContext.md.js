import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Interface: VerifyContext","description":"","frontmatter":{},"headers":[],"relativePath":"api/@gatehouse/authorizer/index/interfaces/VerifyContext.md","filePath":"api/@gatehouse/authorizer/index/interfaces/VerifyContext.md"}');
const _sfc_main = { name: "api/@gatehouse/authorizer/index/interfaces/VerifyContext.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="interface-verifycontext" tabindex="-1">Interface: VerifyContext <a class="header-anchor" href="#interface-verifycontext" aria-label="Permalink to &quot;Interface: VerifyContext&quot;">​</a></h1><p>Context a verifier may use, e.g. a multi-tenant <code>resolveIssuer</code> that looks at the event.</p><h2 id="properties" tabindex="-1">Properties <a class="header-anchor" href="#properties" aria-label="Permalink to &quot;Properties&quot;">​</a></h2><table tabindex="0"><thead><tr><th>Property</th><th>Type</th><th>Description</th></tr></thead><tbody><tr><td><a id="property-event"></a> <code>event?</code></td><td><code>unknown</code></td><td>The Lambda authorizer event the token came from.</td></tr></tbody></table></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/@gatehouse/authorizer/index/interfaces/VerifyContext.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const VerifyContext = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  VerifyContext as default
};
