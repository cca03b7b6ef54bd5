import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Interface: SigV4Rejection","description":"","frontmatter":{},"headers":[],"relativePath":"api/@gatehouse/testing/interfaces/SigV4Rejection.md","filePath":"api/@gatehouse/testing/interfaces/SigV4Rejection.md"}');
const _sfc_main = { name: "api/@gatehouse/testing/interfaces/SigV4Rejection.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="interface-sigv4rejection" tabindex="-1">Interface: SigV4Rejection <a class="header-anchor" href="#interface-sigv4rejection" aria-label="Permalink to &quot;Interface: SigV4Rejection&quot;">​</a></h1><p>A request the verifier refused, with API Gateway&#39;s status, message text and error type.</p><h2 id="properties" tabindex="-1">Properties <a class="header-anchor" href="#properties" aria-label="Permalink to &quot;Properties&quot;">​</a></h2><table tabindex="0"><thead><tr><th>Property</th><th>Type</th><th>Description</th></tr></thead><tbody><tr><td><a id="property-code"></a> <code>code</code></td><td><a href="./../type-aliases/SigV4RejectionCode"><code>SigV4RejectionCode</code></a></td><td>-</td></tr><tr><td><a id="property-errortype"></a> <code>errorType</code></td><td><a href="./../type-aliases/SigV4ErrorType"><code>SigV4ErrorType</code></a></td><td>The <code>x-amzn-ErrorType</code> header value API Gateway sends for this refusal.</td></tr><tr><td><a id="property-message"></a> <code>message</code></td><td><code>string</code></td><td>API Gateway&#39;s message text; never contains a secret key, session token or signature.</td></tr><tr><td><a id="property-ok"></a> <code>ok</code></td><td><code>false</code></td><td>-</td></tr><tr><td><a id="property-status"></a> <code>status</code></td><td><code>403</code></td><td>-</td></tr></tbody></table></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/@gatehouse/testing/interfaces/SigV4Rejection.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const SigV4Rejection = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  SigV4Rejection as default
};
