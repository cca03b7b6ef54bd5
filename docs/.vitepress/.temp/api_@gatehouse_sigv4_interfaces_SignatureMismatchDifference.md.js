import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Interface: SignatureMismatchDifference","description":"","frontmatter":{},"headers":[],"relativePath":"api/@gatehouse/sigv4/interfaces/SignatureMismatchDifference.md","filePath":"api/@gatehouse/sigv4/interfaces/SignatureMismatchDifference.md"}');
const _sfc_main = { name: "api/@gatehouse/sigv4/interfaces/SignatureMismatchDifference.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="interface-signaturemismatchdifference" tabindex="-1">Interface: SignatureMismatchDifference <a class="header-anchor" href="#interface-signaturemismatchdifference" aria-label="Permalink to &quot;Interface: SignatureMismatchDifference&quot;">​</a></h1><p>One part of the canonical request (or the string to sign) where the server and you disagree.</p><h2 id="properties" tabindex="-1">Properties <a class="header-anchor" href="#properties" aria-label="Permalink to &quot;Properties&quot;">​</a></h2><table tabindex="0"><thead><tr><th>Property</th><th>Type</th><th>Description</th></tr></thead><tbody><tr><td><a id="property-actual"></a> <code>actual</code></td><td><code>string</code></td><td>What you signed (session tokens redacted).</td></tr><tr><td><a id="property-expected"></a> <code>expected</code></td><td><code>string</code></td><td>What API Gateway computed (session tokens redacted). For <code>headers</code>: <code>name:value</code>.</td></tr><tr><td><a id="property-part"></a> <code>part</code></td><td>| <code>&quot;headers&quot;</code> | <code>&quot;method&quot;</code> | <code>&quot;path&quot;</code> | <code>&quot;query&quot;</code> | <code>&quot;signed-headers&quot;</code> | <code>&quot;payload-hash&quot;</code> | <code>&quot;string-to-sign&quot;</code></td><td>-</td></tr></tbody></table></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/@gatehouse/sigv4/interfaces/SignatureMismatchDifference.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const SignatureMismatchDifference = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  SignatureMismatchDifference as default
};
