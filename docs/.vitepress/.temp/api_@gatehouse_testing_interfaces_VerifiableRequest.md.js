import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Interface: VerifiableRequest","description":"","frontmatter":{},"headers":[],"relativePath":"api/@gatehouse/testing/interfaces/VerifiableRequest.md","filePath":"api/@gatehouse/testing/interfaces/VerifiableRequest.md"}');
const _sfc_main = { name: "api/@gatehouse/testing/interfaces/VerifiableRequest.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="interface-verifiablerequest" tabindex="-1">Interface: VerifiableRequest <a class="header-anchor" href="#interface-verifiablerequest" aria-label="Permalink to &quot;Interface: VerifiableRequest&quot;">​</a></h1><p>A request as the verifier received it.</p><h2 id="properties" tabindex="-1">Properties <a class="header-anchor" href="#properties" aria-label="Permalink to &quot;Properties&quot;">​</a></h2><table tabindex="0"><thead><tr><th>Property</th><th>Type</th><th>Description</th></tr></thead><tbody><tr><td><a id="property-body"></a> <code>body</code></td><td><code>Uint8Array</code></td><td>The complete body (empty for none).</td></tr><tr><td><a id="property-headers"></a> <code>headers</code></td><td><code>Readonly</code>&lt;<code>Record</code>&lt;<code>string</code>, <code>string</code> | <code>ReadonlyArray</code>&lt;<code>string</code>&gt; | <code>undefined</code>&gt;&gt;</td><td>Header names in any case; repeated headers as arrays (Node&#39;s <code>IncomingMessage.headers</code>).</td></tr><tr><td><a id="property-method"></a> <code>method</code></td><td><code>string</code></td><td>The HTTP method, e.g. <code>GET</code>.</td></tr><tr><td><a id="property-url"></a> <code>url</code></td><td><code>string</code></td><td>The absolute URL as received: <code>http://</code> + the <code>Host</code> header + the request-line target.</td></tr></tbody></table></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/@gatehouse/testing/interfaces/VerifiableRequest.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const VerifiableRequest = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  VerifiableRequest as default
};
