import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Interface: SignedRequest","description":"","frontmatter":{},"headers":[],"relativePath":"api/@gatehouse/sigv4/interfaces/SignedRequest.md","filePath":"api/@gatehouse/sigv4/interfaces/SignedRequest.md"}');
const _sfc_main = { name: "api/@gatehouse/sigv4/interfaces/SignedRequest.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="interface-signedrequest" tabindex="-1">Interface: SignedRequest <a class="header-anchor" href="#interface-signedrequest" aria-label="Permalink to &quot;Interface: SignedRequest&quot;">​</a></h1><p>A signed request, ready to send with <code>fetch</code> or any HTTP client.</p><h2 id="properties" tabindex="-1">Properties <a class="header-anchor" href="#properties" aria-label="Permalink to &quot;Properties&quot;">​</a></h2><table tabindex="0"><thead><tr><th>Property</th><th>Type</th><th>Description</th></tr></thead><tbody><tr><td><a id="property-body"></a> <code>body</code></td><td><a href="./../type-aliases/SignableBody"><code>SignableBody</code></a></td><td>The body to send, unchanged (URLSearchParams stays URLSearchParams).</td></tr><tr><td><a id="property-headers"></a> <code>headers</code></td><td><code>Record</code>&lt;<code>string</code>, <code>string</code>&gt;</td><td>Every header to send, with lower-case names: the request&#39;s own plus host, x-amz-date, authorization, ...</td></tr><tr><td><a id="property-method"></a> <code>method</code></td><td><code>string</code></td><td>-</td></tr><tr><td><a id="property-signing"></a> <code>signing</code></td><td><a href="./SigningDetails"><code>SigningDetails</code></a></td><td>-</td></tr><tr><td><a id="property-url"></a> <code>url</code></td><td><code>string</code></td><td>The URL as given (serialised by WHATWG URL).</td></tr></tbody></table></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/@gatehouse/sigv4/interfaces/SignedRequest.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const SignedRequest = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  SignedRequest as default
};
