import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Interface: SigningDetails","description":"","frontmatter":{},"headers":[],"relativePath":"api/@gatehouse/sigv4/interfaces/SigningDetails.md","filePath":"api/@gatehouse/sigv4/interfaces/SigningDetails.md"}');
const _sfc_main = { name: "api/@gatehouse/sigv4/interfaces/SigningDetails.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="interface-signingdetails" tabindex="-1">Interface: SigningDetails <a class="header-anchor" href="#interface-signingdetails" aria-label="Permalink to &quot;Interface: SigningDetails&quot;">​</a></h1><p>What went into a signature, for debugging signature mismatches and for tests. <code>canonicalRequest</code> may contain the session token: never log it unredacted.</p><h2 id="properties" tabindex="-1">Properties <a class="header-anchor" href="#properties" aria-label="Permalink to &quot;Properties&quot;">​</a></h2><table tabindex="0"><thead><tr><th>Property</th><th>Type</th><th>Description</th></tr></thead><tbody><tr><td><a id="property-canonicalrequest"></a> <code>canonicalRequest</code></td><td><code>string</code></td><td>-</td></tr><tr><td><a id="property-credentialscope"></a> <code>credentialScope</code></td><td><code>string</code></td><td><code>YYYYMMDD/{region}/{service}/aws4_request</code>.</td></tr><tr><td><a id="property-signedheaders"></a> <code>signedHeaders</code></td><td><code>string</code>[]</td><td>Lower-case names of the signed headers, sorted.</td></tr><tr><td><a id="property-stringtosign"></a> <code>stringToSign</code></td><td><code>string</code></td><td>-</td></tr></tbody></table></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/@gatehouse/sigv4/interfaces/SigningDetails.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const SigningDetails = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  SigningDetails as default
};
