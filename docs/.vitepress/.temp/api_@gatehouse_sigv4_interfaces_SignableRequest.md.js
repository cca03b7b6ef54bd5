import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Interface: SignableRequest","description":"","frontmatter":{},"headers":[],"relativePath":"api/@gatehouse/sigv4/interfaces/SignableRequest.md","filePath":"api/@gatehouse/sigv4/interfaces/SignableRequest.md"}');
const _sfc_main = { name: "api/@gatehouse/sigv4/interfaces/SignableRequest.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="interface-signablerequest" tabindex="-1">Interface: SignableRequest <a class="header-anchor" href="#interface-signablerequest" aria-label="Permalink to &quot;Interface: SignableRequest&quot;">​</a></h1><p>The request to sign: a method, an absolute URL, optional headers and body.</p><h2 id="properties" tabindex="-1">Properties <a class="header-anchor" href="#properties" aria-label="Permalink to &quot;Properties&quot;">​</a></h2><table tabindex="0"><thead><tr><th>Property</th><th>Type</th><th>Description</th></tr></thead><tbody><tr><td><a id="property-body"></a> <code>body?</code></td><td><a href="./../type-aliases/SignableBody"><code>SignableBody</code></a></td><td>-</td></tr><tr><td><a id="property-headers"></a> <code>headers?</code></td><td>| <code>Record</code>&lt;<code>string</code>, <code>string</code>&gt; | <code>Headers</code> | readonly (readonly [<code>string</code>, <code>string</code>])[]</td><td>-</td></tr><tr><td><a id="property-method"></a> <code>method</code></td><td><code>string</code></td><td>HTTP method, e.g. <code>GET</code>. Sent upper-case as given.</td></tr><tr><td><a id="property-url"></a> <code>url</code></td><td><code>string</code> | <code>URL</code></td><td>Absolute <code>https://</code>, <code>http://</code>, <code>wss://</code> or <code>ws://</code> URL.</td></tr></tbody></table></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/@gatehouse/sigv4/interfaces/SignableRequest.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const SignableRequest = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  SignableRequest as default
};
