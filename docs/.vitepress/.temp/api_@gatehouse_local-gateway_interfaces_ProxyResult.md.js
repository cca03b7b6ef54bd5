import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Interface: ProxyResult","description":"","frontmatter":{},"headers":[],"relativePath":"api/@gatehouse/local-gateway/interfaces/ProxyResult.md","filePath":"api/@gatehouse/local-gateway/interfaces/ProxyResult.md"}');
const _sfc_main = { name: "api/@gatehouse/local-gateway/interfaces/ProxyResult.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="interface-proxyresult" tabindex="-1">Interface: ProxyResult <a class="header-anchor" href="#interface-proxyresult" aria-label="Permalink to &quot;Interface: ProxyResult&quot;">​</a></h1><p>What an integration returns. For payload 2.0, anything else (a string, an object without <code>statusCode</code>) is sent as a 200 JSON body, as API Gateway infers it.</p><h2 id="properties" tabindex="-1">Properties <a class="header-anchor" href="#properties" aria-label="Permalink to &quot;Properties&quot;">​</a></h2><table tabindex="0"><thead><tr><th>Property</th><th>Type</th><th>Description</th></tr></thead><tbody><tr><td><a id="property-body"></a> <code>body?</code></td><td><code>string</code></td><td>-</td></tr><tr><td><a id="property-cookies"></a> <code>cookies?</code></td><td>readonly <code>string</code>[]</td><td>Payload 2.0: <code>Set-Cookie</code> values.</td></tr><tr><td><a id="property-headers"></a> <code>headers?</code></td><td><code>Record</code>&lt;<code>string</code>, <code>string</code> | <code>number</code> | <code>boolean</code>&gt;</td><td>-</td></tr><tr><td><a id="property-isbase64encoded"></a> <code>isBase64Encoded?</code></td><td><code>boolean</code></td><td>-</td></tr><tr><td><a id="property-multivalueheaders"></a> <code>multiValueHeaders?</code></td><td><code>Record</code>&lt;<code>string</code>, readonly (<code>string</code> | <code>number</code> | <code>boolean</code>)[]&gt;</td><td>-</td></tr><tr><td><a id="property-statuscode"></a> <code>statusCode</code></td><td><code>number</code></td><td>-</td></tr></tbody></table></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/@gatehouse/local-gateway/interfaces/ProxyResult.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const ProxyResult = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  ProxyResult as default
};
