import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Interface: SignatureMismatchExplanation","description":"","frontmatter":{},"headers":[],"relativePath":"api/@gatehouse/sigv4/interfaces/SignatureMismatchExplanation.md","filePath":"api/@gatehouse/sigv4/interfaces/SignatureMismatchExplanation.md"}');
const _sfc_main = { name: "api/@gatehouse/sigv4/interfaces/SignatureMismatchExplanation.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="interface-signaturemismatchexplanation" tabindex="-1">Interface: SignatureMismatchExplanation <a class="header-anchor" href="#interface-signaturemismatchexplanation" aria-label="Permalink to &quot;Interface: SignatureMismatchExplanation&quot;">​</a></h1><p>The result of <a href="./../functions/explainSignatureMismatch">explainSignatureMismatch</a>. Safe to log: session tokens are redacted.</p><h2 id="properties" tabindex="-1">Properties <a class="header-anchor" href="#properties" aria-label="Permalink to &quot;Properties&quot;">​</a></h2><table tabindex="0"><thead><tr><th>Property</th><th>Type</th><th>Description</th></tr></thead><tbody><tr><td><a id="property-differences"></a> <code>differences</code></td><td><a href="./SignatureMismatchDifference"><code>SignatureMismatchDifference</code></a>[]</td><td>Every difference, in canonical-request order (<code>headers</code> once per differing header).</td></tr><tr><td><a id="property-expectedcanonicalrequest"></a> <code>expectedCanonicalRequest</code></td><td><code>string</code></td><td>The canonical request API Gateway computed, session token redacted.</td></tr><tr><td><a id="property-expectedstringtosign"></a> <code>expectedStringToSign</code></td><td><code>string</code> | <code>undefined</code></td><td>The string to sign API Gateway computed, when the body had it.</td></tr><tr><td><a id="property-summary"></a> <code>summary</code></td><td><code>string</code></td><td>One paragraph for a human: what differs and the usual cause.</td></tr></tbody></table></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/@gatehouse/sigv4/interfaces/SignatureMismatchExplanation.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const SignatureMismatchExplanation = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  SignatureMismatchExplanation as default
};
